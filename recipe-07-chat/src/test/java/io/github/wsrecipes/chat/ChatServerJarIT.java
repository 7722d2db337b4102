package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/** What a learner sees: the runnable jar as its own process, its ready lines, its errors and exit codes. */
class ChatServerJarIT {

    @Test
    void printsBothReadyLinesServesThePageAndStopsOnSigterm() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-07-chat", "--port", "0", "--socketio-port", "0")) {
            URI page = app.baseUri();
            URI socketIo = app.uriAfter("Socket.IO on ");

            assertThat(app.output()).startsWith("Config: host=localhost, port=0, socketioPort=0");
            assertThat(socketIo.toString()).matches("http://localhost:[1-9]\\d*/socket\\.io");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("<title>Recipe 07");
            try (TestClient ada = TestClient.join(socketIo, "ada")) {
                app.stop(); // SIGTERM, as Ctrl+C

                assertThat(ada.first(io.socket.client.Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
                assertThat(app.exitCode()).isEqualTo(143);
            }
        }
    }

    @Test
    void helpAndVersionExitZero() throws Exception {
        try (RecipeJar help = RecipeJar.start("recipe-07-chat", "--help")) {
            assertThat(help.exitCode()).isZero();
            assertThat(help.output()).contains("--socketio-port");
        }
        try (RecipeJar version = RecipeJar.start("recipe-07-chat", "-V")) {
            assertThat(version.exitCode()).isZero();
            assertThat(version.output()).matches("recipe-07-chat \\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void aUsageErrorSaysWhatIsWrongAndExitsTwo() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-07-chat", "--socketio-port", "70000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--socketio-port must be from 0 (any free port) to 65535, not 70000\nTry --help.");
        }
    }

    @Test
    void aSocketIoPortInUseSaysSoAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                RecipeJar app = RecipeJar.start("recipe-07-chat", "--host", "127.0.0.1", "--port", "0",
                        "--socketio-port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains(". Is another recipe running? --port 0 picks a free port.");
        }
    }

    @Test
    void theTerminalClientSaysWhatIsWrongAndExitsTwo() throws Exception {
        ProcessBuilder client = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "../recipe-07-chat/target/recipe-07-chat.jar", "io.github.wsrecipes.chat.ChatClient", "--nope").redirectErrorStream(true);
        Process process = client.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("Unknown option: '--nope'").contains("Try --help.");
    }
}
