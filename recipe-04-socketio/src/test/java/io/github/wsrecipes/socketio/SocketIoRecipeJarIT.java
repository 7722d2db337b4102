package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.github.wsrecipes.testsupport.RecipeJar;
import io.socket.client.Socket;

/** What a learner sees: the runnable jar as its own process, and the kit's shape of answers to wrong input. */
class SocketIoRecipeJarIT {

    @Test
    void jarServesThePageAndASocketAndDisconnectsItOnSigterm() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--port", "0", "--socketio-port", "0")) {
            URI page = app.baseUri();
            URI socketIo = app.uriAfter("Socket.IO on ");
            assertThat(page.toString()).matches("http://localhost:[1-9]\\d*/");
            assertThat(socketIo.toString()).matches("http://localhost:[1-9]\\d*/socket\\.io");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("<title>Recipe 04 · ");

            try (TestClient client = TestClient.connect("http://localhost:" + socketIo.getPort(), "/", Transports.WEBSOCKET_ONLY)) {
                assertThat(client.first("message").args()).containsExactly("Hi, from server");

                app.stop(); // SIGTERM, as Ctrl+C: the shutdown hook disconnects every socket

                assertThat(client.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
                assertThat(app.exitCode()).isEqualTo(143);
            }
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--port", "70000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--port must be from 0 (any free port) to 65535, not 70000\nTry --help.");
        }
    }

    @Test
    void aNegativeSocketIoPortIsAUsageError() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--socketio-port", "-1")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--socketio-port must be from 0 (any free port) to 65535, not -1\nTry --help.");
        }
    }

    @Test
    void anUnknownFlagIsAUsageError() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--colour")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("Unknown option: '--colour'\nTry --help.");
        }
    }

    @Test
    void aSocketIoPortInUseSaysSoAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             RecipeJar app = RecipeJar.start("recipe-04-socketio", "--host", "127.0.0.1", "--port", "0",
                     "--socketio-port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains(". Is another recipe running? --port 0 picks a free port.").doesNotContain("\tat ");
        }
    }

    @Test
    void aPagePortInUseSaysSoAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             RecipeJar app = RecipeJar.start("recipe-04-socketio", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()),
                     "--socketio-port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use. "
                    + "Is another recipe running? --port 0 picks a free port.").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownHostSaysSoAndExits1() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "--host", "no-such-host.invalid", "--port", "0", "--socketio-port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).contains("Cannot listen on no-such-host.invalid:0: unknown host. Is another recipe running?")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void versionComesFromTheJarsManifest() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-04-socketio", "-V")) {
            assertThat(app.exitCode()).isEqualTo(0);
            assertThat(app.output()).matches("recipe-04-socketio \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }
}
