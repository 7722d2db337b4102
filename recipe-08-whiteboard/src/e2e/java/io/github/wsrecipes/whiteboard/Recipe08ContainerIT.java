package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static io.github.wsrecipes.whiteboard.LiveBoard.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/** The shipped artifact: the runnable jar in the recipe's image, reached over the network. */
class Recipe08ContainerIT {

    // Host networking (see RecipeContainer): the server binds loopback on a port of its choosing.
    private static final String[] COMMAND = {"--host", "127.0.0.1", "--port", "0"};

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-08-whiteboard", COMMAND);

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
    void servesThePageAndTheListingsPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(RECIPE.baseUri()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> original = http.send(HttpRequest.newBuilder(RECIPE.baseUri().resolve("original.html")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 08");
        assertThat(original.statusCode()).isEqualTo(200);
    }

    @Test
    void relaysADrawEventToTheOtherPeer() throws Exception {
        Peer a = join(client, RECIPE.baseUri());
        Peer b = join(client, RECIPE.baseUri());
        String event = mouse("mousedown", a.socketid, "#e53935", 4, 10, 20, 1);

        send(a.session, event);

        assertThat(b.nextEvent()).isEqualTo(event);
    }

    @Test
    void anotherSubprotocolIsRefusedWith403AndLogged() {
        assertThatThrownBy(() -> Peer.connect(client, RECIPE.webSocketUri(), new Peer.Messages(), null, "chat"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);

        await().untilAsserted(() -> assertThat(RECIPE.logs()).contains("subprotocol [chat] is not acceptable"));
    }

    @Test
    void dockerStopClosesOpenWebSocketsWith1001() throws Exception {
        try (RecipeContainer own = RecipeContainer.of("recipe-08-whiteboard", COMMAND)) {
            own.start();
            Peer peer = join(client, own.baseUri());

            own.dockerStop();

            assertThat(peer.closeStatus()).startsWith("1001");
        }
    }
}
