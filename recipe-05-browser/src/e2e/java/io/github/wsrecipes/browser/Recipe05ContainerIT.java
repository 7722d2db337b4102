package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/** The shipped artifact: the runnable jar in the recipe's image, reached over the network. */
class Recipe05ContainerIT {

    // Host networking (see RecipeContainer): the server binds loopback on a port of its choosing.
    private static final String[] COMMAND = {"--host", "127.0.0.1", "--port", "0"};

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-05-browser", COMMAND);

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocketClient client = new WebSocketClient();

    @BeforeEach
    void startClient() throws Exception {
        client.start();
    }

    @AfterEach
    void stopClient() throws Exception {
        client.stop();
    }

    @Test
    void servesThePageItsModuleAndPicoFromTheWebJar() throws Exception {
        assertThat(get("").body()).contains("<title>Recipe 05 · The browser WebSocket API</title>");
        assertThat(get("app.js").body()).contains("new WebSocket(");
        assertThat(get("webjars/picocss__pico/2.1.1/css/pico.min.css").statusCode()).isEqualTo(200);
        assertThat(get("favicon.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void echoesTextAndBinaryByteForByte() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, RECIPE.baseUri(), peer, null, "echo-protocol");

        session.sendText("Hello from outside the container", Callback.NOOP);
        session.sendBinary(ByteBuffer.wrap(new byte[] {5, 0, (byte) 0xff}), Callback.NOOP);

        assertThat(peer.next()).isEqualTo("Hello from outside the container");
        assertThat((byte[]) peer.next()).containsExactly(5, 0, 0xff);
        await().untilAsserted(() -> assertThat(RECIPE.logs()).contains("Received Binary Message of 3 bytes"));
    }

    @Test
    void aForeignPageIsRefusedWith403AndLogged() {
        assertThatThrownBy(() -> Peer.connect(client, RECIPE.baseUri(), new Peer.Messages(), "http://evil.example", "echo-protocol"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);

        await().untilAsserted(() -> assertThat(RECIPE.logs()).contains("origin http://evil.example is not allowed"));
    }

    @Test
    void dockerStopClosesOpenWebSocketsWith1001() throws Exception {
        try (RecipeContainer own = RecipeContainer.of("recipe-05-browser", COMMAND)) {
            own.start();
            Peer peer = new Peer.Messages();
            Peer.connect(client, own.baseUri(), peer, null, "echo-protocol");

            own.dockerStop();

            assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(RECIPE.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
