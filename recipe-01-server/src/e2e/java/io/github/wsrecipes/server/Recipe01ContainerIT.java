package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
class Recipe01ContainerIT {

    // Host networking (see RecipeContainer): the server binds loopback on a port of its choosing.
    private static final String[] COMMAND = {"--host", "127.0.0.1", "--port", "0"};

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-01-server", COMMAND);

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
        assertThat(page.body()).contains("<title>Recipe 01");
    }

    @Test
    void greetsWithYoThenEchoes() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, RECIPE.webSocketUri(), peer, null, "echo-protocol");

        session.sendText("Hello from outside the container", Callback.NOOP);

        assertThat(peer.next()).isEqualTo("yo");
        assertThat(peer.next()).isEqualTo("Hello from outside the container");
    }

    @Test
    void wrongSubprotocolIsRefusedWith403AndLogged() {
        assertThatThrownBy(() -> Peer.connect(client, RECIPE.webSocketUri(), new Peer.Messages(), null, "chat"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);

        await().untilAsserted(() -> assertThat(RECIPE.logs()).contains("subprotocol [chat] is not acceptable"));
    }

    @Test
    void dockerStopClosesOpenWebSocketsWith1001() throws Exception {
        try (RecipeContainer own = RecipeContainer.of("recipe-01-server", COMMAND)) {
            own.start();
            Peer peer = new Peer.Messages();
            Peer.connect(client, own.webSocketUri(), peer, null, "echo-protocol");
            assertThat(peer.next()).isEqualTo("yo");

            own.dockerStop();

            assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
        }
    }
}
