package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.wsrecipes.support.socketio.RequestGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;

/**
 * A Socket.IO client that stops reading while another floods its namespace with broadcasts: netty holds at
 * most about 1 MiB for it (the write buffer's high water mark), then the server closes it with one log line,
 * its memory stays bounded, and the clients that read keep receiving in time.
 */
class StuckReaderTest {

    /** {@code 42/custom-namespace,["hello-server",{"message":"hello clients"}]} in a WebSocket frame. */
    private static final int BROADCAST_BYTES = 66;
    private static final int MAX_FLOOD = 200_000; // 13 MB of broadcasts to the stuck client's address

    private final ListAppender<ILoggingEvent> guardLog = new ListAppender<>();
    private SocketIoRecipe recipe;
    private Socket flooder;

    @BeforeEach
    void listen() {
        guardLog.start();
        ((Logger) LoggerFactory.getLogger(RequestGuard.class)).addAppender(guardLog);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(RequestGuard.class)).detachAppender(guardLog);
        if (flooder != null) {
            flooder.disconnect();
        }
        if (recipe != null) {
            recipe.stop();
        }
    }

    @Test
    void aSocketThatStopsReadingIsClosedOnceAboutOneMiBWaitsWhileTheOthersKeepReceiving() throws Exception {
        recipe = Started.recipe("--port", "0", "--socketio-port", "0", "--tick", "20", "--quiet");
        String server = Started.socketIoServer(recipe);
        // The flooder records nothing (no listeners): only the server's memory is measured.
        flooder = IO.socket(URI.create(server + "/custom-namespace"), IO.Options.builder()
                .setForceNew(true).setReconnection(false).setTransports(new String[] {"websocket"}).build());
        flooder.connect();
        try (TestClient observer = TestClient.connect(server, "/", TestClient.Transports.WEBSOCKET_ONLY);
                StuckReader stuck = new StuckReader(recipe.socketIoUri())) {
            stuck.join("/");
            stuck.join("/custom-namespace");
            await().atMost(Duration.ofSeconds(10)).until(() -> flooder.connected() && recipe.clients() == 4);
            long memoryBefore = memoryAfterGc();

            int flooded = 0;
            long maxLatencyMs = 0;
            long maxMemoryGrowth = 0;
            while (backlogLines() == 0 && flooded < MAX_FLOOD) {
                for (int i = 0; i < 1_000; i++) {
                    flooder.emit("hello-message", "flood"); // each one a broadcast to /custom-namespace
                }
                flooded += 1_000;
                paced(flooder);
                long sent = System.nanoTime();
                observer.roundTrip();
                maxLatencyMs = Math.max(maxLatencyMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                if (flooded % 10_000 == 0) {
                    maxMemoryGrowth = Math.max(maxMemoryGrowth, memoryAfterGc() - memoryBefore);
                }
            }
            long broadcastBytes = (long) flooded * BROADCAST_BYTES;

            assertThat(backlogLines()).as("'backlog full' log lines").isEqualTo(1);
            assertThat(broadcastBytes).as("bytes broadcast to the stuck client's namespace before it was closed")
                    .isBetween(1L << 20, 12L << 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> recipe.clients() == 2); // both its namespaces are gone
            // This JVM's memory, the test's own clients included; Netty's pool grows by whole 4 MiB chunks.
            assertThat(maxMemoryGrowth).as("server memory growth in bytes (heap, and netty's buffers)").isLessThan(24L << 20);
            assertThat(maxLatencyMs).as("observer round trip in ms during the flood").isLessThan(5_000);
            int mark = observer.mark();
            assertThat(observer.firstAfter(mark, "custom-event-2")).as("the observer still gets the ticks").isNotNull();
            assertThat(flooder.connected()).isTrue();
        }
    }

    private long backlogLines() {
        return guardLog.list.stream().filter(line -> line.getFormattedMessage().contains("backlog full")).count();
    }

    /** Waits for the answer to an acknowledged message: the server has read everything sent before it. */
    private static void paced(Socket socket) throws Exception {
        CompletableFuture<Object[]> answer = new CompletableFuture<>();
        socket.emit("message", new Object[] {"paced"}, (Ack) answer::complete);
        answer.get(10, TimeUnit.SECONDS);
    }

    /** Heap after a GC, plus what netty's allocator holds (where unsent frames wait). */
    private static long memoryAfterGc() {
        System.gc();
        ByteBufAllocatorMetric netty = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + netty.usedDirectMemory() + netty.usedHeapMemory();
    }
}
