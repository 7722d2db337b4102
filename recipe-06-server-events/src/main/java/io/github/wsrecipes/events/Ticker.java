package io.github.wsrecipes.events;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.wsrecipes.support.Backlog;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer and the open clients it pushes to: one thread however many connect. Every interval
 * it encodes the status once and hands the same bytes to each client's {@link Backlog}, then {@code ping}.
 */
final class Ticker implements ClientEndpoint.Clients {

    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);
    private static final ByteBuffer PING = ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8));

    private final Map<Session, Backlog> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "ticker"));
    private final long started = System.nanoTime();
    private final Options options;
    private long seq; // only the timer's thread touches it

    /** Starts the one timer: the original's setInterval(pingClients, 5e3), once for the whole server. */
    Ticker(Options options) {
        this.options = options;
        timer.scheduleAtFixedRate(this::push, options.interval, options.interval, TimeUnit.MILLISECONDS);
    }

    private void push() {
        long t = System.nanoTime();
        ByteBuffer status = ByteBuffer.wrap(status(t).getBytes(StandardCharsets.UTF_8)); // encoded once
        clients.forEach((session, backlog) -> {
            if (!backlog.send(status, true) || !backlog.send(PING)) { // the two frames share one system call
                clients.remove(session); // no more pushes to a client that does not read
            }
        });
        if (!options.quiet) {
            LOG.info("Push #{} to {} client(s)", seq, clients.size());
        }
        seq++;
    }

    /** {seq, time, uptimeMs, clients, heapUsedMb, t}: t is this JVM's nanoTime, for a client on this machine. */
    private String status(long t) {
        double heapUsedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        return String.format(Locale.ROOT, "{\"seq\":%d,\"time\":\"%s\",\"uptimeMs\":%d,\"clients\":%d,\"heapUsedMb\":%.1f,\"t\":\"%d\"}",
                seq, Instant.now(), TimeUnit.NANOSECONDS.toMillis(t - started), clients.size(), heapUsedMb, t);
    }

    @Override
    public void joined(Session session) {
        clients.put(session, new Backlog(session, options.maxBacklog, options.closeTimeout));
    }

    @Override
    public void left(Session session) {
        clients.remove(session);
    }

    @Override
    public int count() {
        return clients.size();
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }
}
