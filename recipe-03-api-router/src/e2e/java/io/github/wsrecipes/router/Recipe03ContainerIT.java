package io.github.wsrecipes.router;

import static io.github.wsrecipes.router.Peer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/** The shipped artifact: the runnable jar in the recipe's image, reached over the network. */
class Recipe03ContainerIT {

    // Host networking (see RecipeContainer): the server binds loopback on a port of its choosing.
    @RegisterExtension
    static final RecipeContainer RECIPE =
            RecipeContainer.of("recipe-03-api-router", "--host", "127.0.0.1", "--port", "0");

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
    void servesThePageAtTheRoot() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(RECIPE.baseUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 03");
    }

    @Test
    void echoProtocolRoutesJsonByPath() throws Exception {
        try (Peer api = Peer.open(client, RECIPE.webSocketUri(), "echo-protocol")) {
            assertThat(api.ask("{\"path\":\"route_a\"}"))
                    .isEqualTo(json("{\"path\":\"route_a\",\"status\":200,\"body\":{\"message\":\"something cool on route a\"}}"));
        }
    }

    @Test
    void updateProtocolBroadcastsToEveryUpdateClient() throws Exception {
        try (Peer first = Peer.open(client, RECIPE.webSocketUri(), "update-protocol");
             Peer second = Peer.open(client, RECIPE.webSocketUri(), "update-protocol")) {

            first.send("from the host");

            assertThat(second.nextJson().get("update").asText()).isEqualTo("from the host");
        }
    }

    @Test
    void unknownProtocolIsRefusedWith403AndLogged() {
        Throwable refused = catchThrowable(
                () -> Peer.connect(client, RECIPE.webSocketUri(), "chat-protocol").get(5, TimeUnit.SECONDS));

        assertThat(refused).hasCauseInstanceOf(UpgradeException.class);
        assertThat(((UpgradeException) refused.getCause()).getResponseStatusCode()).isEqualTo(403);
        await().untilAsserted(() -> assertThat(RECIPE.logs()).contains("protocol not acceptable: chat-protocol"));
    }
}
