package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;

import io.socket.client.Socket;

/** Ctrl+C: every socket hears the server leave, the stop is quick, and a restart can listen on the same ports at once. */
class StopTest {

    @Test
    void stoppingDisconnectsEverySocketThenARestartListensOnTheSamePortsAtOnce() throws Exception {
        ChatServer first = TestClient.startServer();
        int page = first.port();
        int socketIo = first.socketIoUri().getPort();
        try (TestClient ada = TestClient.join(first.socketIoUri(), "ada"); TestClient polling = TestClient.connect(first.socketIoUri(), true)) {
            ada.say("hello");

            first.stop();

            assertThat(ada.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
            assertThat(polling.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
        }
        ChatServer again = TestClient.startServer("--port", String.valueOf(page), "--socketio-port", String.valueOf(socketIo));
        try (TestClient bob = TestClient.join(again.socketIoUri(), "bob")) {
            assertThat(bob.first("members").data()).containsEntry("you", "bob");
        } finally {
            again.stop();
        }
    }

    @Test
    void anIdleServerStopsWellUnderASecondWhereTheLibraryAloneTakesTwo() throws Exception {
        ChatServer chat = TestClient.startServer();
        long ours = timed(chat::stop);

        Configuration config = new Configuration();
        config.setHostname("localhost");
        config.setPort(0);
        SocketIOServer plain = new SocketIOServer(config);
        plain.startAsync().syncUninterruptibly();
        long library = timed(plain::stop);

        assertThat(Duration.ofNanos(ours)).as("our stop").isLessThan(Duration.ofMillis(1_500));
        // When this fails, netty-socketio stops fast on its own and QuickStop can go.
        assertThat(Duration.ofNanos(library)).as("netty-socketio's own stop").isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
