package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --broken keeps the original's leak, so that a class can watch it: the lesson must be real. */
class BrokenModeTest {

    private final WebSocketClient client = new WebSocketClient();
    private final LogLines log = LogLines.of(TimerPerConnection.class);
    private PushServer server;

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
        log.close();
    }

    @Test
    void everyConnectAddsATimerThatOutlivesItsConnectionAndPingsTheDead() throws Exception {
        server = PushTest.start("--broken", "--interval", "100");
        client.start();
        int timersBefore = timerThreads();

        for (int i = 0; i < 5; i++) {
            Listener gone = Listener.connect(client, server.uri());
            gone.session.close(StatusCode.NORMAL, "bye", org.eclipse.jetty.websocket.api.Callback.NOOP);
            assertThat(gone.closeStatus()).isEqualTo("1000 bye");
        }
        Listener watching = Listener.connect(client, server.uri());

        await().atMost(Duration.ofSeconds(10)).until(() -> timerThreads() - timersBefore >= 6);
        assertThat(timerThreads() - timersBefore).as("timers after 6 connects, 5 of them closed").isEqualTo(6);
        assertThat(server.clients()).as("connections the timers still ping").isEqualTo(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.messages().stream().anyMatch(line -> line.contains("failed")));
        // Six timers each ping every connection: the one open page gets six pings per interval.
        await().atMost(Duration.ofSeconds(10)).until(() -> watching.received.size() >= 12);
        assertThat(log.messages()).anyMatch(line -> line.matches("Timer 6 of 6 fires: ping to 6 connection\\(s\\)"));
    }

    private static int timerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(TimerPerConnection.THREAD_NAME)).count();
    }
}
