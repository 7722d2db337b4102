package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees running {@code java -jar target/recipe-05-browser.jar}: lines, errors, exit codes. */
class BrowserEchoServerJarIT {

    @Test
    void printsConfigAndTheReadyLineWithTheRealPortEchoesAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start("recipe-05-browser", "--port", "0")) {
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            assertThat(app.output()).contains("Config: host=localhost, port=0, origins=this machine's, maxMessageSize=16777216");
            client.start();
            Peer peer = new Peer.Messages();
            Session session = Peer.connect(client, app.baseUri(), peer, null, "echo-protocol");
            session.sendText("from a learner", Callback.NOOP);
            assertThat(peer.next()).isEqualTo("from a learner");

            app.stop();

            assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(app.exitCode()).isEqualTo(143); // ended by SIGTERM, after the shutdown hook ran
            assertThat(app.output()).contains("Received Message: from a learner", "Stopping: closing 1 open WebSocket(s) with 1001");
        } finally {
            client.stop();
        }
    }

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-05-browser", "-V")) {
            assertThat(app.exitCode()).isZero();
            assertThat(app.output().strip()).matches("recipe-05-browser \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExit2() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-05-browser", "--prot", "9000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).contains("Unknown options: '--prot', '9000'", "Try --help.").doesNotContain("Usage:", "Exception");
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorWithExit2() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-05-browser", "--port", "70000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).contains("--port must be from 0 (any free port) to 65535, not 70000", "Try --help.");
        }
    }

    @Test
    void aPortInUseEndsWithOneLineAndExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"));
             RecipeJar app = RecipeJar.start("recipe-05-browser", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on localhost:" + taken.getLocalPort()
                    + ": Address already in use. Is another recipe running? --port 0 picks a free port.")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void anUnknownHostEndsWithOneLineAndExit1() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-05-browser", "--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on no-such-host.invalid:0: unknown host. Is another recipe running?")
                    .doesNotContain("Exception", "\tat ");
        }
    }
}
