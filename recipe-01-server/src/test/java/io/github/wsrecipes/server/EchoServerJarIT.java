package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/**
 * What a learner sees running the jar as its own process: the configuration and ready lines, a
 * greeting, 1001 on Ctrl+C, and the kit's one shape of answer to wrong input.
 */
class EchoServerJarIT {

    private static final String MODULE = "recipe-01-server";

    @Test
    void jarPrintsTheReadyLineWithTheRealPortAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start(MODULE, "--port", "0")) {
            assertThat(app.awaitLine(line -> line.startsWith("Config: "))).startsWith("Config: host=localhost, port=0, ");
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            client.start();
            Peer peer = new Peer.Messages();
            Peer.connect(client, app.baseUri(), peer, null, "echo-protocol");
            assertThat(peer.next()).isEqualTo("yo");

            app.stop();

            assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(app.exitCode()).as("ended by SIGTERM, as Ctrl+C does").isEqualTo(143);
            assertThat(app.output()).contains("Stopping: closing 1 open WebSocket(s) with 1001");
        } finally {
            client.stop();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorWithOneLineAndExit2() throws Exception {
        assertUsageError("--port must be from 0 (any free port) to 65535, not 70000", "--port", "70000");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithOneLineAndExit2() throws Exception {
        assertUsageError("Unknown option: '--no-such-flag'", "--no-such-flag");
    }

    @Test
    void aPortInUseSaysCannotListenAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                RecipeJar app = RecipeJar.start(MODULE, "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use. Is another recipe running? --port 0 picks a free port.")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void anUnknownHostSaysCannotListenAndExits1() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on no-such-host.invalid:0: unknown host. Is another recipe running?")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void versionComesFromTheJarsManifest() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "-V")) {
            assertThat(app.exitCode()).isZero();
            assertThat(app.output().strip()).matches("recipe-01-server \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    private static void assertUsageError(String message, String... args) throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, args)) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output().strip()).isEqualTo(message + "\nTry --help.");
        }
    }
}
