package io.github.wsrecipes.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --broken}: the original's shape, to watch its leak. Each connect starts one more timer that pings
 * every connection ever made, and nothing is removed when a client leaves: N connects, N timers firing.
 */
final class TimerPerConnection implements ClientEndpoint.Clients {

    static final String THREAD_NAME = "timer-of-connection-";
    private static final Logger LOG = LoggerFactory.getLogger(TimerPerConnection.class);

    private final List<Session> conns = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> timers = new CopyOnWriteArrayList<>();
    private final long intervalMs;

    TimerPerConnection(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /** The original's connect handler: conns.push(connection); setInterval(pingClients, 5e3). */
    @Override
    public void joined(Session session) {
        conns.add(session);
        int number = timers.size() + 1;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, THREAD_NAME + number));
        timers.add(timer);
        timer.scheduleAtFixedRate(() -> pingClients(number), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void pingClients(int timer) {
        LOG.info("Timer {} of {} fires: ping to {} connection(s)", timer, timers.size(), conns.size());
        conns.forEach(conn -> conn.sendText("ping", Callback.from(() -> { }, failure ->
                LOG.warn("Timer {}: ping to a closed connection failed: {}", timer, failure.toString()))));
    }

    @Override
    public void left(Session session) {
        // The original has no close handler: the connection stays in conns, its timer keeps firing.
    }

    @Override
    public int count() {
        return conns.size();
    }

    @Override
    public void stop() {
        timers.forEach(ScheduledExecutorService::shutdownNow);
    }
}
