package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.wsrecipes.support.Backlog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * An update client that never reads while another floods: the server queues at most
 * {@code --max-backlog} bytes for it, closes it with 1013, logs that once, cuts it off for good
 * after the close timeout, and the clients that do read keep their latency.
 */
class StuckReaderTest {

    private static final int UPDATE_CHARS = 4_000;
    private static final int UPDATES = 16_000; // 64 MB through the server, all of it for the stuck client too

    @RegisterExtension
    final LiveRouter router = new LiveRouter("--max-backlog", "1048576", "--close-timeout", "1000", "--quiet");
    private final ListAppender<ILoggingEvent> backlogLog = new ListAppender<>();

    @BeforeEach
    void listen() {
        backlogLog.start();
        ((Logger) LoggerFactory.getLogger(Backlog.class)).addAppender(backlogLog);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Backlog.class)).detachAppender(backlogLog);
    }

    @Test
    void aStuckUpdateClientIsClosedWith1013AndCostsABoundedAmountOfMemory() throws Exception {
        Counter stuck = Counter.open(router.client(), router.ws("/"), "update-protocol", false);
        Counter flooder = Counter.open(router.client(), router.ws("/"), "update-protocol", true);
        Counter observer = Counter.open(router.client(), router.ws("/"), "update-protocol", true);
        long heapBefore = heapAfterGc();

        String update = "u".repeat(UPDATE_CHARS);
        long maxLatencyMs = 0;
        long maxHeapGrowth = 0;
        for (int n = 1; n <= UPDATES; n++) {
            flooder.sendAndWait(update);
            if (n % 100 == 0) {
                // The readers keep up (their own lag stays far below the bound); only the stuck one falls behind.
                long sentSoFar = n;
                await().atMost(Duration.ofSeconds(10)).until(() -> flooder.received() >= sentSoFar && observer.received() >= sentSoFar);
            }
            if (n % 2_000 == 0) {
                // The observer's own probe comes back through the same flood, in time.
                String probe = "probe " + n;
                var back = observer.watch(text -> text.contains(probe));
                long sent = System.nanoTime();
                observer.send(probe);
                back.get(10, TimeUnit.SECONDS);
                maxLatencyMs = Math.max(maxLatencyMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                maxHeapGrowth = Math.max(maxHeapGrowth, heapAfterGc() - heapBefore);
            }
        }

        // 64 MB went to the stuck client's address; without the bound the server would hold most of it.
        assertThat(maxHeapGrowth).as("heap growth in bytes").isLessThan(24L * 1024 * 1024);
        assertThat(maxLatencyMs).as("probe latency in ms").isLessThan(5_000);
        assertThat(backlogLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("with 1013");
        // It never reads the close frame either: the server cuts it off after the close timeout.
        long closedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).until(router.server()::clients, clients -> clients == 2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt)).isLessThan(15_000);
        assertThat(observer.isOpen()).isTrue();
        assertThat(flooder.isOpen()).isTrue();
        assertThat(stuck.received()).isZero();
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
