package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/**
 * The shipped artifact: the runnable jar in the recipe's image, both servers reached over the
 * network. Host networking (see RecipeContainer): both bind 127.0.0.1 on ports of their choosing.
 */
class Recipe04ContainerIT {

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-04-socketio",
            "--host", "127.0.0.1", "--port", "0", "--socketio-port", "0").awaiting("Socket.IO on ");

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(RECIPE.baseUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>");
    }

    @Test
    void javaClientIsGreetedOnBothNamespaces() {
        URI socketIo = RECIPE.uriAfter("Socket.IO on ");
        String server = socketIo.getScheme() + "://" + socketIo.getAuthority();

        try (TestClient root = TestClient.connect(server, "/", TestClient.Transports.POLLING_THEN_UPGRADE);
                TestClient custom = TestClient.connect(server, "/custom-namespace", TestClient.Transports.WEBSOCKET_ONLY)) {

            assertThat(root.first("message").plainArgs()).containsExactly("Hi, from server");
            assertThat(custom.first("message").plainArgs()).containsExactly("Hi, from custom-namespace");
        }
    }
}
