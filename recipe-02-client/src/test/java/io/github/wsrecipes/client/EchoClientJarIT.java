package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees: the runnable jar started as its own process (runs after package). */
class EchoClientJarIT {

    private static final String MODULE = "recipe-02-client";

    private EchoServerForTests server;

    @BeforeEach
    void startServer() throws Exception {
        server = EchoServerForTests.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theJarConnectsPrintsTheExchangeAndExitsZero() throws Exception {
        try (RecipeJar client = RecipeJar.start(MODULE, server.uri().toString(),
                "--send", "heyo", "--count", "2", "--interval", "50")) {

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
        try (RecipeJar client = RecipeJar.start(MODULE, server.uri().toString())) {
            client.awaitLine("Received: 'yo'"::equals);

            client.stop(); // SIGTERM, as Ctrl+C: the shutdown hook runs

            client.exitCode();
            await().untilAsserted(() -> assertThat(server.closeCodes()).containsExactly(1001));
        }
    }

    @Test
    void nothingListeningExitsNonZeroWithTheCause() throws Exception {
        URI nowhere = server.uri();
        server.close();

        try (RecipeJar client = RecipeJar.start(MODULE, nowhere.toString(), "--count", "1")) {

            client.awaitLine(line -> line.startsWith("Connect Error: connection refused"));
            assertThat(client.exitCode()).isEqualTo(EchoClient.CONNECT_ERROR);
        }
    }

    @Test
    void servePagePrintsTheReadyLineWithTheRealPortAndServesThePage() throws Exception {
        try (RecipeJar page = RecipeJar.start(MODULE, "--serve-page", "--host", "127.0.0.1", "--port", "0")) {

            URI address = page.baseUri();

            assertThat(address.toString()).matches("http://127\\.0\\.0\\.1:[1-9]\\d*/");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<ol id=\"log\"");
        }
    }
}
