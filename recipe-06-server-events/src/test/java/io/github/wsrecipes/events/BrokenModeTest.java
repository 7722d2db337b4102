package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** --broken keeps the original's leak, so that a class can watch it: the lesson must be real. */
class BrokenModeTest {

    private final WebSocketClient client = new WebSocketClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private PushServer server;

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
        ((Logger) LoggerFactory.getLogger(TimerPerConnection.class)).detachAppender(log);
    }

    @Test
    void everyConnectAddsATimerThatOutlivesItsConnectionAndPingsTheDead() throws Exception {
        log.start();
        ((Logger) LoggerFactory.getLogger(TimerPerConnection.class)).addAppender(log);
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
        await().atMost(Duration.ofSeconds(10)).until(() -> messages().stream().anyMatch(line -> line.contains("failed")));
        // Six timers each ping every connection: the one open page gets six pings per interval.
        await().atMost(Duration.ofSeconds(10)).until(() -> watching.received.size() >= 12);
        assertThat(messages()).anyMatch(line -> line.matches("Timer 6 of 6 fires: ping to 6 connection\\(s\\)"));
    }

    private List<String> messages() {
        synchronized (log) { // the appender adds to its list while holding its own lock
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static int timerThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(TimerPerConnection.THREAD_NAME)).count();
    }
}
