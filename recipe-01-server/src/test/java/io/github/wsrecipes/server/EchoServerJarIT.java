package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/**
 * What a learner sees: the runnable jar, started as its own process, prints the ready line with
 * the real port, greets a client, and closes it with 1001 when the process is told to stop.
 */
class EchoServerJarIT {

    @Test
    void jarPrintsTheReadyLineWithTheRealPortAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start("recipe-01-server", "--port", "0")) {
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            client.start();
            Peer peer = new Peer.Messages();
            Peer.connect(client, app.baseUri(), peer, null, "echo-protocol");
            assertThat(peer.next()).isEqualTo("yo");

            app.stop();

            assertThat(peer.closeStatus()).startsWith("1001");
            app.exitCode();
            assertThat(app.output()).contains("Stopping: closing 1 open WebSocket(s) with 1001");
        } finally {
            client.stop();
        }
    }
}
