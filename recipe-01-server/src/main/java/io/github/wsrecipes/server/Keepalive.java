package io.github.wsrecipes.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket-Node's keepalive: a ping every interval; a peer that stays silent for the grace
 * period after a ping is dropped (or only reported, when dropping is off).
 *
 * <p>Jetty never pings on its own, so the recipe does. One timer thread serves every
 * connection; each connection gets a {@link Watch} that it feeds whenever the peer is heard.
 */
final class Keepalive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "keepalive");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;
    private final Duration grace;
    private final boolean drop;

    Keepalive(Duration interval, Duration grace, boolean drop) {
        this.interval = interval;
        this.grace = grace;
        this.drop = drop;
    }

    Watch watch(Session session) {
        return new Watch(session);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The keepalive of one connection. */
    final class Watch {
        private final Session session;
        private final ScheduledFuture<?> pings;
        private volatile ScheduledFuture<?> deadline;

        private Watch(Session session) {
            this.session = session;
            long every = interval.toMillis();
            this.pings = timer.scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
        }

        /** Anything from the peer, a pong above all, proves it is still there. */
        void heard() {
            ScheduledFuture<?> pending = deadline;
            if (pending != null) {
                pending.cancel(false);
                deadline = null;
            }
        }

        void stop() {
            pings.cancel(false);
            heard();
        }

        private void ping() {
            if (!session.isOpen()) {
                stop();
                return;
            }
            if (deadline != null) {
                return; // the last ping is still unanswered: its grace period decides, not a new ping
            }
            // Deadline first: on loopback the pong can be back before sendPing returns.
            deadline = timer.schedule(this::missed, grace.toMillis(), TimeUnit.MILLISECONDS);
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }

        private void missed() {
            deadline = null;
            if (!drop) {
                LOG.warn("Keepalive: no pong from {} within {} ms (connection kept)",
                        session.getRemoteSocketAddress(), grace.toMillis());
                return;
            }
            LOG.warn("Keepalive: no pong from {} within {} ms, dropping the connection",
                    session.getRemoteSocketAddress(), grace.toMillis());
            stop();
            // drop(), not close(): a peer that ignores pings would ignore a close frame too.
            session.disconnect();
        }
    }
}
