package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Ctrl+C while 100 API clients send 20 messages a second each and 100 update clients 2 each: every
 * client gets {@code 1001 server is shutting down}, the stop takes at most the close timeout,
 * and the log says so in a few lines (no flood of warnings).
 */
class StopUnderLoadTest {

    private static final int CLIENTS_PER_PROTOCOL = 100;
    // Each update goes to all 100 update clients: at 20 updates a second each, that is 200,000
    // frames a second for one JVM holding both ends, more than a shared 2-core machine keeps up with.
    private static final long ECHO_PERIOD_MS = 50;
    private static final long UPDATE_PERIOD_MS = 500;
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final WebSocketClient client = new WebSocketClient();
    // A client that sends after the server's close frame sees its own write fail (1006, broken
    // pipe) whatever the server said: the clients stop sending when Ctrl+C is pressed, while
    // everything already sent is still in flight.
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void cleanUp() throws Exception {
        senders.shutdownNow();
        root.detachAppender(log);
        client.stop();
    }

    @Test
    void everyClientGetsItsGoingAwayBeforeTheDeadlineAndTheLogStaysShort() throws Exception {
        client.setMaxTextMessageSize(1 << 20);
        client.start();
        RouterServer server = LiveRouter.start("--quiet", "--close-timeout", String.valueOf(CLOSE_TIMEOUT_MS), "--max-backlog", "16777216");
        List<Counter> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_PROTOCOL; i++) {
            clients.add(Counter.open(client, java.net.URI.create("ws://localhost:" + server.port() + "/"), "echo-protocol", true));
            clients.add(Counter.open(client, java.net.URI.create("ws://localhost:" + server.port() + "/"), "update-protocol", true));
        }
        for (int i = 0; i < clients.size(); i++) {
            Counter each = clients.get(i);
            senders.scheduleAtFixedRate(() -> {
                if (sending.get()) {
                    each.send("{\"path\":\"route_a\"}");
                }
            }, i, i % 2 == 0 ? ECHO_PERIOD_MS : UPDATE_PERIOD_MS, TimeUnit.MILLISECONDS);
        }
        CompletableFuture<String> lastEcho = clients.get(0).watch(text -> text.contains("route_a"));
        lastEcho.get(30, TimeUnit.SECONDS); // the load is on
        log.start();
        root.addAppender(log);

        long start = System.nanoTime();
        sending.set(false);
        server.stop();
        long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        for (Counter each : clients) {
            assertThat(each.closed().get(CLOSE_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS)).isEqualTo("1001 server is shutting down");
        }
        assertThat(stopMs).as("stop in ms").isLessThanOrEqualTo(CLOSE_TIMEOUT_MS + 2_000);
        List<ILoggingEvent> warnings = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).extracting(ILoggingEvent::getFormattedMessage).hasSizeLessThanOrEqualTo(2);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("TimeoutException") || line.contains("Deflater"))
                .filteredOn(line -> line.endsWith(" 1001 server is shutting down")).hasSize(2 * CLIENTS_PER_PROTOCOL);
    }
}
