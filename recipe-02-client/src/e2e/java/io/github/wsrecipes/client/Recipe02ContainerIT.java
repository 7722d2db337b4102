package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeContainer;

/**
 * The shipped artifact: the runnable jar in the recipe's image, as the page server and as the
 * command-line client (the image's first argument names the program). Host networking (see RecipeContainer), so the container reaches a server
 * this test starts on 127.0.0.1, and the test reaches the page the container serves.
 */
class Recipe02ContainerIT {

    @Test
    void thePageServerServesTheBrowserClient() throws Exception {
        try (RecipeContainer page = RecipeContainer.of("recipe-02-client",
                PageServer.class.getName(), "--host", "127.0.0.1", "--port", "0")) {
            page.start();

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(page.baseUri()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<title>Recipe 02 · ");
        }
    }

    @Test
    void commandLineClientSendsThreeNumbersAndClosesWith1000() throws Exception {
        try (EchoServerForTests server = EchoServerForTests.start();
                RecipeContainer client = RecipeContainer.of("recipe-02-client",
                        EchoClient.class.getName(), server.uri().toString(), "--count", "3", "--interval", "100")
                        .readyWhen("WebSocket Client Connected")) {
            client.start();

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(client.logs()).contains("Connection Closed: 1000"));
            assertThat(client.logs()).contains("Received: 'yo'");
            assertThat(server.texts()).hasSize(3).allMatch(text -> text.matches("\\d+"));
        }
    }
}
