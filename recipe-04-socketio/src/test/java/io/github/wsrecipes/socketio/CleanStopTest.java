package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.socket.client.Socket;

/** Ctrl+C: every socket of every namespace is told the server is leaving, the stop is quick, and a restart works at once. */
class CleanStopTest {

    @Test
    void stoppingDisconnectsEverySocketOfEveryNamespaceFirst() throws Exception {
        SocketIoRecipe recipe = Started.recipe("--port", "0", "--socketio-port", "0");
        String url = Started.socketIoServer(recipe);
        try (TestClient root = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY);
             TestClient custom = TestClient.connect(url, "/custom-namespace", Transports.POLLING_THEN_UPGRADE);
             TestClient users = TestClient.connect(url, "/users", Transports.WEBSOCKET_ONLY)) {
            root.roundTrip();
            custom.roundTrip();
            users.first("user message");
            assertThat(recipe.clients()).isEqualTo(3);

            recipe.stop();

            assertThat(root.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
            assertThat(custom.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
            assertThat(users.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
        }
    }

    @Test
    void withNoClientTheStopTakesLessThanASecond() throws Exception {
        SocketIoRecipe recipe = Started.recipe("--port", "0", "--socketio-port", "0");

        long started = System.nanoTime();
        recipe.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // netty-socketio's own stop() waits 2 s per event loop group: 4 s.
        assertThat(took).isPositive().isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theSamePortsCanBeListenedOnAgainRightAfterAStopWithAClientConnected() throws Exception {
        SocketIoRecipe first = Started.recipe("--port", "0", "--socketio-port", "0");
        int page = first.uri().getPort();
        int socketIo = first.socketIoUri().getPort();
        try (TestClient client = TestClient.connect(Started.socketIoServer(first), "/", Transports.WEBSOCKET_ONLY)) {
            client.roundTrip();
            first.stop();
            client.first(Socket.EVENT_DISCONNECT);
        }

        SocketIoRecipe second = Started.recipe("--port", String.valueOf(page), "--socketio-port", String.valueOf(socketIo));
        try (TestClient client = TestClient.connect(Started.socketIoServer(second), "/", Transports.WEBSOCKET_ONLY)) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
        } finally {
            second.stop();
        }
    }
}
