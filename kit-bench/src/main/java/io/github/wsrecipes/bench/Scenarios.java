package io.github.wsrecipes.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The load of each recipe shape, all bounded in count and time, all on loopback. A message
 * carries {@code sender:sequence:System.nanoTime()}, so that the client, on the same machine,
 * measures each delivery and notices a lost or doubled one.
 */
final class Scenarios {

    private static final Pattern STAMP = Pattern.compile("(\\d+):(\\d+):(\\d+)");
    private static final Pattern PUSH = Pattern.compile("\"seq\":(\\d+).*\"t\":\"(\\d+)\"");

    private final WebSocketClient client;
    private final Duration warmup;
    private final List<Peer> open = new ArrayList<>();

    Scenarios(WebSocketClient client, Duration warmup) {
        this.client = client;
        this.warmup = warmup;
    }

    /** Echo (recipe 01): each client keeps {@code inFlight} messages on the way; one operation is one round trip. */
    Result echo(ServerProcess server, int clients, int inFlight, Duration length) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        long deadline = System.nanoTime() + length.toNanos();
        List<Peer> peers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            AtomicInteger sequence = new AtomicInteger();
            peers.add(connect(server.address(0), "echo-protocol", (peer, text) -> {
                Matcher stamp = STAMP.matcher(text);
                if (!stamp.find()) {
                    return; // the recipe's greeting
                }
                latencies.add(System.nanoTime() - Long.parseLong(stamp.group(3)));
                received.incrementAndGet();
                if (System.nanoTime() < deadline) {
                    send(peer, id + ":" + sequence.getAndIncrement() + ":" + System.nanoTime(), sent);
                }
            }));
        }
        return measure("echo", server, latencies, () -> {
            for (int c = 0; c < clients; c++) {
                for (int k = 0; k < inFlight; k++) {
                    send(peers.get(c), c + ":" + k + ":" + System.nanoTime(), sent);
                }
            }
        }, length, () -> received.get() >= sent.get(), () -> sent.get() - received.get(), () -> 0L, received::get);
    }

    /**
     * Relay (recipe 03's update-protocol, recipe 08's draw-protocol): {@code senders} of the
     * {@code clients} each keep {@code inFlight} messages on the way; one operation is one delivery.
     */
    Result relay(String scenario, ServerProcess server, String protocol, boolean toSenderToo, int clients, int senders,
                 int inFlight, Duration length) throws Exception {
        Latencies latencies = new Latencies();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        int receivers = toSenderToo ? clients : clients - 1;
        long deadline = System.nanoTime() + length.toNanos();
        List<Peer> peers = new ArrayList<>();
        AtomicInteger[] sequences = new AtomicInteger[senders];
        for (int s = 0; s < senders; s++) {
            sequences[s] = new AtomicInteger(inFlight);
        }
        for (int c = 0; c < clients; c++) {
            peers.add(connect(server.address(0), protocol, (peer, text) -> {
                Matcher stamp = STAMP.matcher(text);
                if (!stamp.find()) {
                    return; // a greeting such as socketid_3
                }
                long now = System.nanoTime();
                latencies.add(now - Long.parseLong(stamp.group(3)));
                delivered.incrementAndGet();
                String id = stamp.group(1) + ":" + stamp.group(2);
                int count = deliveries.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                if (count > receivers) {
                    duplicates.incrementAndGet();
                } else if (count == receivers && now < deadline) {
                    int sender = Integer.parseInt(stamp.group(1));
                    sendRelay(peers.get(sender), protocol, sender, sequences[sender].getAndIncrement(), deliveries);
                }
            }));
        }
        return measure(scenario, server, latencies, () -> {
            for (int s = 0; s < senders; s++) {
                for (int k = 0; k < inFlight; k++) {
                    sendRelay(peers.get(s), protocol, s, k, deliveries);
                }
            }
        }, length, () -> deliveries.values().stream().allMatch(count -> count.get() >= receivers),
                () -> deliveries.values().stream().mapToLong(count -> Math.max(0, receivers - count.get())).sum(),
                duplicates::get, delivered::get);
    }

    /** Sends one relayed message, counted as expected at once, so that one reaching no one is lost, not unseen. */
    private void sendRelay(Peer peer, String protocol, int sender, int sequence, Map<String, AtomicInteger> deliveries) {
        deliveries.putIfAbsent(sender + ":" + sequence, new AtomicInteger());
        String stamp = sender + ":" + sequence + ":" + System.nanoTime();
        String text = "draw-protocol".equals(protocol)
                ? "{\"type\":\"mousemove\",\"socketid\":\"bench\",\"strokeStyle\":\"#1e88e5\",\"lineWidth\":3,\"pageX\":"
                        + (sequence % 500) + ",\"pageY\":" + (sequence % 300) + ",\"seq\":" + sequence + ",\"t\":\"" + stamp + "\"}"
                : stamp;
        peer.session.sendText(text, Callback.NOOP);
    }

    /**
     * Push (recipe 06): {@code clients} idle connections, then {@code pushes} pushes measured, the
     * first one sent after the last client connected; latency from the server's stamp to each receipt.
     */
    Result push(ServerProcess server, int clients, int pushes, Duration interval) throws Exception {
        Latencies latencies = new Latencies();
        Map<Long, AtomicInteger> receipts = new ConcurrentHashMap<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong lastSeen = new AtomicLong(-1);
        AtomicLong first = new AtomicLong(Long.MAX_VALUE); // set once every client is connected
        CountDownLatch done = new CountDownLatch(1);
        connectMany(clients, server.address(0), "echo-protocol", (peer, text) -> {
                Matcher push = PUSH.matcher(text);
                if (!push.find()) {
                    return; // the original's plain "ping"
                }
                long now = System.nanoTime();
                long seq = Long.parseLong(push.group(1));
                lastSeen.accumulateAndGet(seq, Math::max);
                if (seq < first.get() || seq >= first.get() + pushes) {
                    return; // pushed while clients were still connecting, or after the measured ones
                }
                latencies.add(now - Long.parseLong(push.group(2)));
                delivered.incrementAndGet();
                if (receipts.computeIfAbsent(seq, key -> new AtomicInteger()).incrementAndGet() == clients
                        && seq == first.get() + pushes - 1) {
                    done.countDown();
                }
            });
        Duration length = interval.multipliedBy(pushes + 4);
        // The push after the next one: the next may have left before the server counted the last client.
        return measure("push", server, latencies, () -> first.set(lastSeen.get() + 2), length, () -> done.getCount() == 0,
                () -> java.util.stream.LongStream.range(first.get(), first.get() + pushes)
                        .map(seq -> Math.max(0, clients - receipts.getOrDefault(seq, new AtomicInteger()).get())).sum(),
                () -> receipts.values().stream().mapToLong(count -> Math.max(0, count.get() - clients)).sum(), delivered::get);
    }

    private Peer connect(URI http, String protocol, java.util.function.BiConsumer<Peer, String> onText) throws Exception {
        Peer peer = new Peer(onText);
        client.connect(peer, upgrade(http, protocol)).get(30, TimeUnit.SECONDS);
        open.add(peer);
        return peer;
    }

    /** Many idle connections, at most 64 handshakes at once: one by one, 10,000 took minutes on a loaded machine. */
    private void connectMany(int count, URI http, String protocol, java.util.function.BiConsumer<Peer, String> onText) throws Exception {
        java.util.concurrent.Semaphore handshakes = new java.util.concurrent.Semaphore(64);
        List<java.util.concurrent.CompletableFuture<Session>> connecting = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            if (!handshakes.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no handshake finished in 30 s");
            }
            Peer peer = new Peer(onText);
            open.add(peer);
            connecting.add(client.connect(peer, upgrade(http, protocol)).whenComplete((session, failure) -> handshakes.release()));
        }
        for (java.util.concurrent.CompletableFuture<Session> handshake : connecting) {
            handshake.get(30, TimeUnit.SECONDS);
        }
    }

    private static ClientUpgradeRequest upgrade(URI http, String protocol) {
        ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create(http.toString().replaceFirst("^http", "ws")));
        request.setSubProtocols(protocol);
        return request;
    }

    /** Closes every connection of the last scenario, before its server stops. */
    void disconnectAll() {
        open.stream().filter(peer -> peer.session != null).forEach(peer -> peer.session.close());
        open.clear();
    }

    private static void send(Peer peer, String text, AtomicLong sent) {
        sent.incrementAndGet();
        peer.session.sendText(text, Callback.NOOP);
    }

    interface Check {
        boolean done();
    }

    interface Count {
        long get();
    }

    /** Starts the load, lets it run, waits (at most 10 s) for what is on the way, and reads the server's counters. */
    Result measure(String scenario, ServerProcess server, Latencies latencies, Runnable start, Duration length,
                   Check drained, Count lost, Count duplicates, Count operations) throws Exception {
        return measure(scenario, server.name(), List.of(server), latencies, start, "push".equals(scenario) ? Duration.ZERO : warmup,
                length, drained, lost, duplicates, () -> 0, operations);
    }

    /**
     * The same for a group of processes (two chat nodes and their Redis): CPU, RSS and threads are
     * the sums over the group, and each process's CPU is kept apart too. The first {@code warmup}
     * of the load is not measured (the JIT compiles the hot path then); loss and duplicates are
     * counted over the whole run.
     */
    static Result measure(String scenario, String label, List<ServerProcess> servers, Latencies latencies, Runnable start,
                          Duration warmup, Duration length, Check drained, Count lost, Count duplicates, Count failures,
                          Count operations) throws Exception {
        long started = System.nanoTime();
        start.run();
        long warm = started + Math.min(warmup.toNanos(), length.toNanos() / 2);
        while (System.nanoTime() < warm) {
            Thread.sleep(20); // a load generator's own pacing, not a test's synchronisation
        }
        double[] cpuBefore = new double[servers.size()];
        for (int i = 0; i < servers.size(); i++) {
            cpuBefore[i] = servers.get(i).cpuSeconds();
        }
        long operationsBefore = operations.get();
        int latenciesBefore = latencies.count();
        double loadBefore = load();
        long rss = 0;
        long threads = 0;
        while (System.nanoTime() - started < length.toNanos() && !(drained.done() && "push".equals(scenario))) {
            Thread.sleep(100);
            long rssNow = 0;
            long threadsNow = 0;
            for (ServerProcess server : servers) {
                rssNow += server.rssKb();
                threadsNow += server.threads();
            }
            rss = Math.max(rss, rssNow);
            threads = Math.max(threads, threadsNow);
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!drained.done() && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - warm) / 1e9;
        Map<String, Double> cpuByProcess = new LinkedHashMap<>();
        double cpu = 0;
        for (int i = 0; i < servers.size(); i++) {
            double used = servers.get(i).cpuSeconds() - cpuBefore[i];
            cpuByProcess.put(servers.get(i).name(), used);
            cpu += used;
        }
        return new Result(scenario, label, operations.get() - operationsBefore, seconds, latencies.since(latenciesBefore), cpu, rss,
                threads, lost.get(), duplicates.get(), failures.get(), servers.size() > 1 ? cpuByProcess : Map.of(), loadBefore, load(),
                servers.stream().mapToDouble(ServerProcess::startMillis).filter(ms -> !Double.isNaN(ms)).max().orElse(Double.NaN));
    }

    /** The machine's 1-minute load average ({@code uptime}'s first figure): how many others wanted the 2 cores. */
    static double load() throws java.io.IOException {
        return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
