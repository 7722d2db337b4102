package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Duration;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees: the runnable jar as its own process, its lines and its exit codes. */
class PushServerJarIT {

    private static final String MODULE = "recipe-06-server-events";

    @Test
    void printsConfigAndReadyLinePushesToAClientAndStopsItWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start(MODULE, "--port", "0", "--interval", "200")) {
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            assertThat(app.output()).contains("Config: host=localhost, port=0, origins=this machine's, interval=200, maxBacklog=65536, broken=false");
            client.start();
            Listener listener = Listener.connect(client, app.baseUri());
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.statuses().size() >= 2);
            listener.session.sendText("hello\nforged line", org.eclipse.jetty.websocket.api.Callback.NOOP);
            app.awaitLine(line -> line.contains("Received Message: hello\\nforged line"));

            app.stop();

            assertThat(listener.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(app.exitCode()).isEqualTo(143); // SIGTERM, as Ctrl+C or docker stop
            assertThat(app.output()).contains("Stopping: closing 1 open WebSocket(s) with 1001");
        } finally {
            client.stop();
        }
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndExits2() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "--interval", "0")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--interval must be at least 1 ms, not 0\nTry --help.");
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "--intervall", "10")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).startsWith("Unknown options: '--intervall', '10'").endsWith("Try --help.");
        }
    }

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "-V")) {
            assertThat(app.exitCode()).isZero();
            assertThat(app.output()).matches("recipe-06-server-events \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void aPortInUseExits1WithTheKitsWording() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RecipeJar app = RecipeJar.start(MODULE, "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains(". Is another recipe running? --port 0 picks a free port.").doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownHostExits1WithTheKitsWording() throws Exception {
        try (RecipeJar app = RecipeJar.start(MODULE, "--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on no-such-host.invalid:0: unknown host. Is another recipe running?")
                    .doesNotContain("Exception");
        }
    }
}
