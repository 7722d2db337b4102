package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import picocli.CommandLine.ParameterException;

/** The server around the endpoints: the page on plain HTTP, the real port, a graceful stop. */
class RouterServerTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();

    @Test
    void portZeroPicksAFreePortThatTheUriNames() {
        assertThat(router.server().port()).isPositive();
        assertThat(router.server().uri()).isEqualTo(URI.create("http://localhost:" + router.server().port() + "/"));
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
        Peer api = router.open("echo-protocol");
        Peer updates = router.open("update-protocol");

        router.server().close();

        assertThat(api.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(updates.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1001);
    }

    @Test
    void defaultOptionsAreTheKitsPortAndLocalhost() {
        RouterOptions defaults = RouterOptions.parse();

        assertThat(defaults.port()).isEqualTo(8083);
        assertThat(defaults.host()).isEqualTo("localhost");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorBeforeAnythingStarts() {
        assertThatThrownBy(() -> RouterOptions.parse("--port", "99999"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--port must be 0 (any free port) to 65535, got 99999");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(router.server().uri().resolve(path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
