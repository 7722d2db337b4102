package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees: the runnable jar as its own process, started with --port 0 for both servers. */
class SocketIoRecipeJarIT {

    @Test
    void jarPrintsBothReadyLinesWithTheRealPortsAndStopsOnSigterm() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--port", "0", "--socketio-port", "0")) {
            URI page = app.baseUri();
            URI socketIo = app.uriAfter("Socket.IO on ");

            assertThat(page.toString()).matches("http://localhost:[1-9]\\d*/");
            assertThat(socketIo.toString()).matches("http://localhost:[1-9]\\d*/socket\\.io");
            assertThat(socketIo.getPort()).isNotEqualTo(page.getPort());
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("<title>Recipe 04");

            app.stop(); // SIGTERM, as Ctrl+C would: the shutdown hook stops both servers

            app.exitCode();
        }
    }
}
