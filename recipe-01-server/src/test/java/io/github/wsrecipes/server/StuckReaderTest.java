package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A peer that sends without end and never reads its echoes costs the server a bounded amount of
 * memory (the server stops reading it), while another peer's echoes stay quick.
 */
class StuckReaderTest {

    private static final long FLOOD = 256L * 1024 * 1024;
    private static final long BOUND = 64L * 1024 * 1024;

    @RegisterExtension
    final LiveServers live = new LiveServers();

    @Test
    void aPeerThatNeverReadsIsNoLongerReadAndCostsBoundedMemory() throws Exception {
        EchoServer server = live.start("--quiet", "--no-keepalive");
        long heapBefore = usedHeapAfterGc();
        try (RawWebSocket stuck = new RawWebSocket(server.uri())) {
            // The flood stalls: the server reads the next message only once the last echo is written.
            long sent = stuck.floodUntilStalled(FLOOD);

            long heapGrowth = usedHeapAfterGc() - heapBefore;
            long slowestEcho = maxEchoMillis(server);
            System.out.printf("stuck reader: server took %d KB, heap %+d KB, another peer's slowest echo %d ms%n",
                    sent / 1024, heapGrowth / 1024, slowestEcho);

            assertThat(sent).as("bytes the server took from a peer that never reads").isLessThan(BOUND);
            assertThat(heapGrowth).as("heap the stuck peer costs").isLessThan(BOUND);
            assertThat(slowestEcho).as("another peer's slowest echo, ms").isLessThan(2_000);
        }
    }

    private long maxEchoMillis(EchoServer server) throws Exception {
        Peer peer = new Peer.Messages();
        Session session = live.connect(server, peer, "echo-protocol");
        assertThat(peer.next()).isEqualTo("yo");
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            session.sendText("ping " + i, Callback.NOOP);
            assertThat(peer.next()).isEqualTo("ping " + i);
            slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        return slowest;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
