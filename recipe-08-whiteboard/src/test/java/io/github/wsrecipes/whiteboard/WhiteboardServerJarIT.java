package io.github.wsrecipes.whiteboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees: the runnable jar as its own process, its lines and its exit codes. */
class WhiteboardServerJarIT {

    @Test
    void jarPrintsTheReadyLineGreetsWithASocketidAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--port", "0")) {
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            assertThat(app.output()).contains("Config: host=localhost, port=0, origins=this machine's, history=10000");
            client.start();
            Peer peer = LiveBoard.join(client, app.baseUri());
            assertThat(peer.socketid).isEqualTo("1");
            // The greeting goes out while Jetty still opens the session; it counts as open once the line is logged.
            app.awaitLine(line -> line.contains("as socketid_1"));

            app.stop();

            assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(app.exitCode()).isEqualTo(143); // SIGTERM, after the shutdown hook ran
            assertThat(app.output()).contains("Stopping: closing 1 open WebSocket(s) with 1001");
        } finally {
            client.stop();
        }
    }

    @Test
    void helpAndVersionExitWithZero() throws Exception {
        try (RecipeJar help = RecipeJar.start("recipe-08-whiteboard", "--help")) {
            assertThat(help.exitCode()).isZero();
            assertThat(help.output()).contains("--max-backlog=BYTES", "--history=EVENTS");
        }
        try (RecipeJar version = RecipeJar.start("recipe-08-whiteboard", "-V")) {
            assertThat(version.exitCode()).isZero();
            assertThat(version.output()).matches("recipe-08-whiteboard \\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndExitsWithTwo() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--port", "0", "--history", "100", "--max-backlog", "1000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).startsWith("--max-backlog must hold the history").endsWith("Try --help.")
                    .doesNotContain("Usage:");
        }
        try (RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--port", "70000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--port must be from 0 (any free port) to 65535, not 70000\nTry --help.");
        }
    }

    @Test
    void aPortInUseSaysSoAndExitsWithOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains(". Is another recipe running? --port 0 picks a free port.").doesNotContain("Exception");
        }
    }

    @Test
    void aRedisThatDoesNotAnswerSaysSoInOneLineAndExitsWithOne() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        try (RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--port", "0", "--redis", "redis://:secret@127.0.0.1:" + nobody)) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("redis=redis://127.0.0.1:" + nobody)
                    .contains("Cannot reach Redis at redis://127.0.0.1:" + nobody + ": Connection refused. Is redis-server running?")
                    .doesNotContain("Exception").doesNotContain("secret").doesNotContain("Listening on");
        }
        try (RecipeJar app = RecipeJar.start("recipe-08-whiteboard", "--port", "0", "--redis", "localhost:6379")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--redis must be redis://HOST:PORT, e.g. redis://localhost:6379, not localhost:6379\nTry --help.");
        }
    }
}
