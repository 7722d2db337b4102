package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/**
 * What a learner sees: the runnable jar as its own process (after package). {@code java -jar}
 * starts the page server (listing 8-3); the command-line client (listing 8-2) is
 * {@code java -cp … EchoClient}.
 */
class Recipe02JarIT {

    private static final String MODULE = "recipe-02-client";
    private static final String TRY_HELP = "Try --help.";

    // --- the command-line client ---

    @Test
    void theClientConnectsPrintsTheExchangeAndExitsZero() throws Exception {
        try (EchoServerForTests server = EchoServerForTests.start();
                ClientJar client = ClientJar.start(server.uri().toString(), "--send", "heyo", "--count", "2", "--interval", "50")) {

            client.awaitLine("WebSocket Client Connected"::equals);
            client.awaitLine("Received: 'yo'"::equals);
            client.awaitLine("Received: 'heyo'"::equals);
            client.awaitLine("Connection Closed: 1000 done"::equals);
            assertThat(client.exitCode()).isZero();
            assertThat(server.texts()).hasSize(3);
        }
    }

    @Test
    void ctrlCClosesTheConnectionWith1001() throws Exception {
        try (EchoServerForTests server = EchoServerForTests.start(); ClientJar client = ClientJar.start(server.uri().toString())) {
            client.awaitLine("Received: 'yo'"::equals);

            client.stop(); // SIGTERM, as Ctrl+C: the shutdown hook runs

            assertThat(client.exitCode()).isEqualTo(143); // 128 + SIGTERM: the JVM ended by the signal
            assertThat(client.output()).contains("Connection Closed: 1001 going away");
            await().untilAsserted(() -> assertThat(server.closeCodes()).containsExactly(1001));
        }
    }

    @Test
    void nothingListeningIsAConnectErrorWithTheCauseAndExitOne() throws Exception {
        int port = freePort();
        try (ClientJar client = ClientJar.start("ws://127.0.0.1:" + port + "/", "--count", "1")) {

            assertThat(client.exitCode()).isEqualTo(EchoClient.CONNECT_ERROR);
            assertThat(client.output()).contains("Connect Error: connection refused: nothing listens on 127.0.0.1:" + port);
        }
    }

    @Test
    void aRefusedUpgradeIsAConnectErrorWithTheHttpStatusAndExitOne() throws Exception {
        try (EchoServerForTests server = EchoServerForTests.start();
                ClientJar client = ClientJar.start(server.uri().toString(), "--protocol", "chat")) {

            assertThat(client.exitCode()).isEqualTo(EchoClient.CONNECT_ERROR);
            assertThat(client.output()).contains("Connect Error: the server refused the upgrade with HTTP 403 Forbidden");
        }
    }

    @Test
    void theClientAnswersAnUnknownFlagAndMinusVAsEveryRecipeDoes() throws Exception {
        try (ClientJar wrong = ClientJar.start("--bogus"); ClientJar version = ClientJar.start("-V")) {
            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.output()).isEqualTo("Unknown option: '--bogus'\n" + TRY_HELP);
            assertThat(version.exitCode()).isZero();
            assertThat(version.output()).matches("recipe-02-client \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    // --- the page server, the jar's main class ---

    @Test
    void thePageServerPrintsItsReadyLineAndServesThePagePicoAndTheFavicon() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "--host", "127.0.0.1", "--port", "0")) {
            URI address = page.baseUri();

            assertThat(address.toString()).matches("http://127\\.0\\.0\\.1:[1-9]\\d*/");
            assertThat(page.output()).startsWith("Config: host=127.0.0.1, port=0\nListening on " + address);
            assertThat(get(address)).contains("<title>Recipe 02 · ");
            assertThat(get(address.resolve("/favicon.svg"))).startsWith("<svg");
            assertThat(get(address.resolve("/webjars/picocss__pico/2.1.1/css/pico.min.css"))).contains("--pico-");

            page.stop();
            assertThat(page.exitCode()).isEqualTo(143);
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "--port", "70000")) {
            assertThat(page.exitCode()).isEqualTo(2);
            assertThat(page.output()).isEqualTo("--port must be from 0 (any free port) to 65535, not 70000\n" + TRY_HELP);
        }
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithoutTheWholeHelp() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "--serve-page")) {
            assertThat(page.exitCode()).isEqualTo(2);
            assertThat(page.output()).isEqualTo("Unknown option: '--serve-page'\n" + TRY_HELP);
        }
    }

    @Test
    void aPortInUseSaysSoAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                RecipeJar page = RecipeJar.start(MODULE, "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(page.exitCode()).isEqualTo(1);
            assertThat(page.output()).endsWith("Cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use. Is another recipe running? --port 0 picks a free port.");
        }
    }

    @Test
    void anUnknownHostSaysSoAndExitsOne() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(page.exitCode()).isEqualTo(1);
            assertThat(page.output()).endsWith("Cannot listen on no-such-host.invalid:0: unknown host."
                    + " Is another recipe running? --port 0 picks a free port.");
        }
    }

    @Test
    void minusVPrintsTheModuleAndItsMavenVersion() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "-V")) {
            assertThat(page.exitCode()).isZero();
            assertThat(page.output()).matches("recipe-02-client \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    private static String get(URI address) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(address.toString()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
