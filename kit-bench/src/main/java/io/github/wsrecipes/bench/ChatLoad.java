package io.github.wsrecipes.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.json.JSONObject;

import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Chat (recipe 07 and its Socket.IO 4 original): {@code members} socket.io-client-java members
 * (WebSocket transport) join one by one, then each sends {@code rate} messages a second, paced,
 * so that no member ever comes near recipe 07's own limit (20 messages per 10 s): the load grows
 * with the members, not with each member's speed. Every message goes to the other members; one
 * operation is one delivery. A message carries {@code member:sequence:System.nanoTime()}.
 *
 * <p>With several servers (two chat nodes over Redis) member {@code i} connects to server
 * {@code i % servers}; every message must still reach every other member.
 */
final class ChatLoad {

    private static final Pattern STAMP = Pattern.compile("^(\\d+):(\\d+):(\\d+)$");
    private static final int GUARD = 18; // never more than this many in any 10 s on the client's clock; the recipe allows 20
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile boolean running;

    private final Duration warmup;

    ChatLoad(Duration warmup) {
        this.warmup = warmup;
        // One HTTP client for every member; OkHttp's default of 5 calls per host would queue the sixth socket.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(50_000);
        dispatcher.setMaxRequestsPerHost(50_000);
        http = new OkHttpClient.Builder().dispatcher(dispatcher).readTimeout(Duration.ZERO).build();
    }

    Result run(String scenario, String label, List<ServerProcess> group, List<URI> servers, int members, double rate,
               Duration length) throws Exception {
        Latencies latencies = new Latencies();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        int receivers = members - 1;
        failures.set(0);
        firstFailure.set(null);
        running = true;
        for (int m = 0; m < members; m++) {
            Socket socket = join(servers.get(m % servers.size()), m, (text, now) -> {
                Matcher stamp = STAMP.matcher(text);
                if (!stamp.find()) {
                    fail("a message not sent by the benchmark: " + text);
                    return;
                }
                latencies.add(now - Long.parseLong(stamp.group(3)));
                delivered.incrementAndGet();
                AtomicInteger count = deliveries.get(stamp.group(1) + ":" + stamp.group(2));
                if (count == null || count.incrementAndGet() > receivers) {
                    duplicates.incrementAndGet();
                }
            });
            sockets.add(socket);
        }

        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "chat pacer");
            thread.setDaemon(true);
            return thread;
        });
        long periodNanos = (long) (1e9 / rate);
        try {
            return Scenarios.measure(scenario, label, group, latencies, () -> {
                long deadline = System.nanoTime() + length.toNanos();
                for (int m = 0; m < members; m++) {
                    Socket socket = sockets.get(m);
                    int member = m;
                    AtomicInteger sequence = new AtomicInteger();
                    Deque<Long> window = new ArrayDeque<>();
                    pacer.scheduleAtFixedRate(() -> {
                        long now = System.nanoTime();
                        while (!window.isEmpty() && now - window.peekFirst() >= TimeUnit.SECONDS.toNanos(10)) {
                            window.removeFirst();
                        }
                        if (now >= deadline || window.size() >= GUARD) {
                            return; // a late tick catching up must not break the recipe's limit
                        }
                        window.addLast(now);
                        String key = member + ":" + sequence.getAndIncrement();
                        deliveries.put(key, new AtomicInteger());
                        sent.incrementAndGet();
                        socket.emit("message", new JSONObject(Map.of("message", key + ":" + System.nanoTime())));
                    }, ThreadLocalRandom.current().nextLong(periodNanos), periodNanos, TimeUnit.NANOSECONDS);
                }
            }, warmup, length, () -> delivered.get() >= sent.get() * receivers,
                    () -> deliveries.values().stream().mapToLong(count -> Math.max(0, receivers - count.get())).sum(),
                    duplicates::get, failures::get, delivered::get);
        } finally {
            pacer.shutdownNow();
            if (firstFailure.get() != null) {
                System.out.println("  " + failures.get() + " failure(s) in " + scenario + " on " + label + "; the first: " + firstFailure.get());
            }
        }
    }

    interface OnMessage {
        void accept(String text, long receivedNanos);
    }

    /** Connects over WebSocket, joins as {@code m<N>}, and waits for the member list. */
    private Socket join(URI server, int member, OnMessage onMessage) throws Exception {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setPath("/socket.io")
                .setTransports(new String[] {"websocket"})
                .build();
        options.callFactory = http;
        options.webSocketFactory = http;
        Socket socket = IO.socket(URI.create("http://" + server.getAuthority()), options);
        CompletableFuture<Void> joined = new CompletableFuture<>();
        socket.on("members", args -> joined.complete(null));
        socket.on("message", args -> {
            long now = System.nanoTime();
            if (args.length > 0 && args[0] instanceof JSONObject line) {
                onMessage.accept(line.optString("message"), now);
            }
        });
        socket.on("error", args -> fail("m" + member + " was refused: " + (args.length > 0 ? args[0] : "")));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            fail("m" + member + " could not connect: " + (args.length > 0 ? args[0] : ""));
            joined.completeExceptionally(new IllegalStateException("m" + member + " could not connect to " + server));
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> {
            if (running) {
                fail("m" + member + " was disconnected: " + (args.length > 0 ? args[0] : ""));
            }
        });
        socket.connect();
        socket.emit("joined", new JSONObject(Map.of("name", "m" + member)));
        try {
            joined.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.close();
            throw new IllegalStateException("m" + member + " did not join " + server + " within " + PATIENCE.toSeconds() + " s", e);
        }
        return socket;
    }

    private void fail(String why) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** Every member leaves, before the servers stop. */
    void disconnectAll() {
        running = false;
        sockets.forEach(Socket::close);
        sockets.clear();
    }

    /** The HTTP client's threads end with it. */
    void stop() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
