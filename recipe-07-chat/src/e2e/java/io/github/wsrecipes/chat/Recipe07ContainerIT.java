package io.github.wsrecipes.chat;

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
class Recipe07ContainerIT {

    @RegisterExtension
    static final RecipeContainer RECIPE = RecipeContainer.of("recipe-07-chat",
            "--host", "127.0.0.1", "--port", "0", "--socketio-port", "0").awaiting("Socket.IO on ");

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(RECIPE.baseUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 07");
    }

    @Test
    void twoJavaClientsChat() throws Exception {
        URI socketIo = RECIPE.uriAfter("Socket.IO on ");
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            ada.say("hello from the host");

            assertThat(bob.first("message").data()).containsEntry("name", "ada").containsEntry("message", "hello from the host");
        }
    }
}
