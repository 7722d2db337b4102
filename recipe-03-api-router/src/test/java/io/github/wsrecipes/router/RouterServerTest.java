package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server around the endpoints: the page on plain HTTP, the real port, a graceful stop, the options. */
class RouterServerTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();

    @Test
    void portZeroPicksAFreePortThatTheUriNames() {
        assertThat(router.server().port()).isPositive();
        assertThat(router.server().uri()).isEqualTo(URI.create("http://localhost:" + router.server().port() + "/"));
    }

    @Test
    void pageFilesPicoAndTheFaviconAreServedOverPlainHttp() throws Exception {
        assertThat(get("/")).satisfies(page -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Recipe 03 · API router</title>", "<ol id=\"log\"");
        });
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/recipe.css").statusCode()).isEqualTo(200);
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/picocss__pico/2.1.1/css/pico.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/missing.html").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/").statusCode()).as("no directory listing").isNotEqualTo(200);
    }

    @Test
    void stoppingTheServerClosesEverySocketWith1001AndItsReason() throws Exception {
        Peer api = router.open("echo-protocol");
        Peer updates = router.open("update-protocol");
        // The client has its 101 a moment before the server counts the session as open.
        org.awaitility.Awaitility.await().until(router.server()::clients, clients -> clients == 2);

        long start = System.nanoTime();
        router.server().stop();

        assertThat(api.closeStatus().get(5, TimeUnit.SECONDS)).isEqualTo("1001 server is shutting down");
        assertThat(updates.closeStatus().get(5, TimeUnit.SECONDS)).isEqualTo("1001 server is shutting down");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("stop with no client holding it").isLessThan(2_000);
    }

    @Test
    void defaultOptionsAreTheKitsPortAndLocalhost() {
        Options defaults = new Options();
        assertThat(defaults.parse()).isEmpty();

        assertThat(defaults.port).isEqualTo(8083);
        assertThat(defaults.host).isEqualTo("localhost");
        assertThat(defaults.config()).isEqualTo("Config: host=localhost, port=8083, origins=this machine's, maxMessageSize=65536,"
                + " maxBacklog=1048576, closeTimeout=5000, quiet=false");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorWithExit2AndOneLine() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        OptionalInt exit;
        try {
            exit = new Options().parse("--port", "99999");
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).hasValue(2);
        assertThat(said.toString(StandardCharsets.UTF_8))
                .isEqualTo("--port must be from 0 (any free port) to 65535, not 99999" + System.lineSeparator() + "Try --help." + System.lineSeparator());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(router.server().uri().resolve(path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
