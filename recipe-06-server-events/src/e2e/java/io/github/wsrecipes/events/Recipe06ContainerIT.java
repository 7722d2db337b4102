package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/** The shipped artifact: the runnable jar in the recipe's image, reached over the network. */
class Recipe06ContainerIT {

    // Host networking (see RecipeContainer): the server binds loopback on a port of its choosing.
    private static final String[] COMMAND = {"--host", "127.0.0.1", "--port", "0", "--interval", "200"};

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-06-server-events", COMMAND);

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
    void servesThePageAndTheChartLibrary() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(RECIPE.baseUri()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<Void> chart = http.send(HttpRequest.newBuilder(RECIPE.baseUri().resolve("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 06");
        assertThat(chart.statusCode()).isEqualTo(200);
    }

    @Test
    void pushesTheStatusAndPingInOrder() throws Exception {
        Listener listener = Listener.connect(client, RECIPE.baseUri());

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.statuses().size() >= 3);

        var seqs = listener.statuses().stream().map(status -> status.field("seq")).toList();
        assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
        assertThat(listener.received.get(1).text()).isEqualTo("ping");
        assertThat(listener.statuses().get(0).field("clients")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void dockerStopClosesOpenWebSocketsWith1001() throws Exception {
        try (RecipeContainer own = RecipeContainer.of("recipe-06-server-events", COMMAND)) {
            own.start();
            Listener listener = Listener.connect(client, own.baseUri());
            await().atMost(Duration.ofSeconds(10)).until(() -> !listener.statuses().isEmpty());

            own.dockerStop();

            assertThat(listener.closeStatus()).isEqualTo("1001 server is shutting down");
        }
    }
}
