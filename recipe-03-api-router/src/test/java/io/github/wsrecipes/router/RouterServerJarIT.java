package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/**
 * What a learner sees: the runnable jar, started as its own process, prints the ready line with
 * the real port, answers on both protocols, and closes them with 1001 when told to stop.
 */
class RouterServerJarIT {

    @Test
    void jarPrintsTheReadyLineAnswersAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "--port", "0")) {
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            URI uri = URI.create("ws" + app.baseUri().toString().substring("http".length()));
            client.start();
            Peer api = Peer.open(client, uri, "echo-protocol");
            Peer updates = Peer.open(client, uri, "update-protocol");
            assertThat(api.ask("{\"path\":\"route_a\"}").get("status").asInt()).isEqualTo(200);

            app.stop(); // SIGTERM, which runs the shutdown hook as Ctrl+C does

            assertThat(api.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(updates.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            app.exitCode();
        } finally {
            client.stop();
        }
    }
}
