package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.events.Listener.Received;

/** The one timer's pushes over real sockets: every client gets every push, and nobody waits for a stuck one. */
class PushTest {

    private final WebSocketClient client = new WebSocketClient(clientThreads());
    private final LogLines log = LogLines.of(ClientEndpoint.class);
    private PushServer server;

    static PushServer start(String... args) throws Exception {
        Options options = new Options();
        List<String> all = new ArrayList<>(List.of("--port", "0", "--quiet"));
        all.addAll(List.of(args));
        assertThat(options.parse(all.toArray(String[]::new))).isEmpty();
        PushServer server = new PushServer(options);
        server.start();
        return server;
    }

    /** A small, fixed pool: the client's threads must not hide or fake the server's. */
    private static org.eclipse.jetty.client.HttpClient clientThreads() {
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient();
        http.setExecutor(new QueuedThreadPool(8, 8));
        return http;
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        client.stop();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void twentyClientsEachReceiveEveryPushInOrderWithNoGapEachFollowedByPing() throws Exception {
        server = start("--interval", "100");
        client.start();
        List<Listener> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(Listener.connect(client, server.uri()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> clients.stream().allMatch(c -> c.statuses().size() >= 10));

        for (Listener each : clients) {
            List<Received> texts = each.received;
            List<Long> seqs = each.statuses().stream().map(status -> status.field("seq")).toList();
            long first = seqs.get(0);
            assertThat(seqs).as("seq, in order, without a gap").isEqualTo(LongStream.range(first, first + seqs.size()).boxed().toList());
            for (int i = 0; i + 1 < texts.size(); i += 2) {
                assertThat(texts.get(i).isStatus()).isTrue();
                assertThat(texts.get(i + 1).text()).isEqualTo("ping");
            }
        }
        // A client may join while a push is on its way, after its status was written: the push after
        // the last client's first one is the first that counts all twenty.
        long laterThanAllConnects = clients.stream().mapToLong(c -> c.statuses().get(0).field("seq")).max().orElseThrow() + 1;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> clients.stream().allMatch(c -> c.statuses().stream().anyMatch(s -> s.field("seq") == laterThanAllConnects)));
        assertThat(clients).allSatisfy(c -> assertThat(c.statuses()).anySatisfy(status -> {
            assertThat(status.field("seq")).isEqualTo(laterThanAllConnects);
            assertThat(status.field("clients")).isEqualTo(20);
        }));
    }

    @Test
    void aClosedClientIsOutOfTheRegistryBeforeTheNextPush() throws Exception {
        server = start("--interval", "200");
        client.start();
        Listener leaving = Listener.connect(client, server.uri());
        Listener staying = Listener.connect(client, server.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> staying.statuses().stream().anyMatch(s -> s.field("clients") == 2));

        leaving.session.close(StatusCode.NORMAL, "bye", org.eclipse.jetty.websocket.api.Callback.NOOP);
        assertThat(leaving.closeStatus()).isEqualTo("1000 bye");
        long closedAt = System.nanoTime();

        Received next = await().atMost(Duration.ofSeconds(10)).until(
                () -> staying.statuses().stream().filter(s -> s.field("t") > closedAt).findFirst().orElse(null), s -> s != null);
        assertThat(next.field("clients")).as("clients in the first push after the close").isEqualTo(1);
        assertThat(server.clients()).isEqualTo(1);
    }

    @Test
    void aClientThatNeverReadsDoesNotDelayTheOthersAndIsClosedOnceItsBacklogIsFull() throws Exception {
        long interval = 50;
        long heapBefore = heapAfterGc(); // before the clients: a full GC would stall their pushes
        server = start("--interval", String.valueOf(interval), "--max-backlog", "4096", "--close-timeout", "1000");
        client.start();
        List<Listener> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(Listener.connect(client, server.uri()));
        }

        long startedAt = System.nanoTime();
        long cutAt;
        try (StuckClient stuck = new StuckClient(server.uri())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.clients() == 6);
            // A full backlog: out of the pushes at once (5 left), and, still not reading, cut after the close timeout.
            await().atMost(Duration.ofSeconds(60)).until(() -> server.clients() == 5);
            cutAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(1 + 5)).until(() -> log.messages().stream()
                    .anyMatch(line -> line.startsWith("Disconnected: /127.0.0.1:" + stuck.localPort() + " ")));
            assertThat(stuck.drainUntilClosed()).as("bytes it had been sent before it was cut").isGreaterThan(4096);
        }

        for (Listener reader : readers) {
            List<Received> statuses = reader.statuses();
            List<Long> seqs = statuses.stream().map(status -> status.field("seq")).toList();
            assertThat(seqs).isEqualTo(LongStream.range(seqs.get(0), seqs.get(0) + seqs.size()).boxed().toList());
            assertThat(statuses.stream().filter(s -> s.field("t") > startedAt && s.field("t") < cutAt)).as("pushes while the stuck client was in").hasSizeGreaterThan(10);
            // Typical lateness under one interval; the worst case bounded generously, as a shared, loaded machine
            // stalls whole processes now and then (a blocking send would stall every push until the cut instead).
            List<Long> lateness = statuses.stream().map(s -> s.arrivedNanos() - s.field("t")).sorted().toList();
            assertThat(Duration.ofNanos(lateness.get(lateness.size() / 2))).as("median lateness").isLessThan(Duration.ofMillis(interval));
            assertThat(Duration.ofNanos(lateness.get(lateness.size() - 1))).as("worst lateness").isLessThan(Duration.ofMillis(interval * 20));
        }
        assertThat(heapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(32L * 1024 * 1024);
    }

    @Test
    void stopClosesEveryClientWith1001EvenBesideAStuckOne() throws Exception {
        server = start("--interval", "50", "--close-timeout", "1000");
        client.start();
        List<Listener> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(Listener.connect(client, server.uri()));
        }
        try (StuckClient stuck = new StuckClient(server.uri())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.clients() == 4);
            long stopping = System.nanoTime();

            server.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(1 + 3));
            for (Listener each : clients) {
                assertThat(each.closeStatus()).isEqualTo("1001 server is shutting down");
            }
        }
    }

    @Test
    void stopGivesAStuckClientTheCloseTimeoutAndNoMoreWhileOthersGet1001AtOnce() throws Exception {
        server = start("--interval", "1", "--max-backlog", "100000000", "--close-timeout", "2000");
        client.start();
        Listener polite = Listener.connect(client, server.uri());
        try (StuckClient stuck = new StuckClient(server.uri())) {
            // Pushes fill the stuck client's small buffers: its close frame will wait behind them.
            await().atMost(Duration.ofSeconds(30)).until(() -> polite.statuses().size() >= 2_000);
            long start = System.nanoTime();
            server.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);

            assertThat(polite.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(stopping).as("the close timeout for the stuck client, then it is cut")
                    .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(2 * 2_000 + 1_500));
        }
    }

    @Test
    void twoHundredConnectionsAddNoThreads() throws Exception {
        server = start("--interval", "100");
        client.start();
        Listener first = Listener.connect(client, server.uri());
        await().atMost(Duration.ofSeconds(10)).until(() -> first.statuses().size() >= 2);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        List<Listener> more = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            more.add(Listener.connect(client, server.uri()));
        }
        long seq = first.lastSeq();
        await().atMost(Duration.ofSeconds(30)).until(() -> more.stream().allMatch(c -> c.lastSeq() > seq + 1));

        // A thread per connection would add 200; the server's pool holds two at most, whatever the load.
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThan(threadsBefore + 10);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> thread.getName().startsWith("recipe-06-server-events-"))
                .hasSizeBetween(1, 2);
        assertThat(first.statuses().get(first.statuses().size() - 1).field("clients")).isEqualTo(201);
    }

    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
