package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server around the endpoints: the page on plain HTTP, the real port, a graceful stop. */
class RouterServerTest {

    private final WebSocketClient client = new WebSocketClient();
    private RouterServer server;

    @BeforeEach
    void start() throws Exception {
        client.start();
        server = RouterServer.start(RouterOptions.parse("--port", "0"));
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.close();
    }

    @Test
    void portZeroPicksAFreePortThatTheUriNames() {
        assertThat(server.port()).isPositive();
        assertThat(server.uri()).isEqualTo(URI.create("http://localhost:" + server.port() + "/"));
    }

    @Test
    void pageFilesAreServedOverPlainHttp() throws Exception {
        assertThat(get("/")).satisfies(page -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<ol id=\"log\"");
        });
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
        assertThat(get("/missing.html").statusCode()).isEqualTo(404);
    }

    @Test
    void stoppingTheServerClosesEverySocketWith1001() throws Exception {
        URI uri = URI.create("ws://localhost:" + server.port() + "/");
        Peer api = Peer.open(client, uri, "echo-protocol");
        Peer updates = Peer.open(client, uri, "update-protocol");

        server.close();

        assertThat(api.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(updates.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1001);
    }

    @Test
    void defaultOptionsAreTheKitsPortAndLocalhost() {
        RouterOptions defaults = RouterOptions.parse();

        assertThat(defaults.port()).isEqualTo(8083);
        assertThat(defaults.host()).isEqualTo("localhost");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
