package io.github.wsrecipes.server;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;

import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket-Node's keepalive, which Jetty lacks: a ping every interval; a peer silent for the grace
 * period after it is dropped (or only reported). useNativeKeepalive: the kernel's TCP probes instead.
 */
final class Keepalive {

    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

    private final Options options;
    private final Scheduler scheduler;

    Keepalive(Options options, Scheduler scheduler) {
        this.options = options;
        this.scheduler = scheduler;
    }

    /** A connector whose sockets send TCP keepalive probes, the first after the interval, when useNativeKeepalive asks. */
    static ServerConnector connector(Server server, Options options) {
        return new ServerConnector(server) {
            @Override
            protected void configure(Socket socket) {
                super.configure(socket);
                try {
                    if (options.useNativeKeepalive) {
                        socket.setKeepAlive(true);
                        socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, (int) Math.max(1, options.keepaliveInterval / 1000));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.warn("TCP keepalive not set on {}: {}", socket.getRemoteSocketAddress(), e.toString());
                }
            }
        };
    }

    /** The keepalive of one connection. */
    final class Watch {
        private final Session session;
        private volatile Scheduler.Task nextPing;
        private volatile Scheduler.Task deadline;

        Watch(Session session) {
            this.session = session;
            this.nextPing = scheduler.schedule(this::ping, options.keepaliveInterval, MILLISECONDS);
        }

        /** Any frame from the peer, a pong above all, proves it is still there; a closed one is no longer watched. */
        void heard(boolean open) {
            Scheduler.Task pending = deadline;
            deadline = null;
            if (pending != null) {
                pending.cancel();
            }
            if (!open) {
                nextPing.cancel();
            }
        }

        private void ping() {
            if (!session.isOpen()) {
                return;
            }
            if (deadline == null) { // else the last ping is still unanswered: its grace period decides
                // Deadline first: on loopback the pong can be back before sendPing returns.
                deadline = scheduler.schedule(this::missed, options.keepaliveGracePeriod, MILLISECONDS);
                session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
            nextPing = scheduler.schedule(this::ping, options.keepaliveInterval, MILLISECONDS);
        }

        private void missed() {
            deadline = null;
            boolean drop = options.dropConnectionOnKeepaliveTimeout;
            LOG.warn("Keepalive: no pong from {} within {} ms, {}", session.getRemoteSocketAddress(),
                    options.keepaliveGracePeriod, drop ? "dropping the connection" : "connection kept");
            if (drop) {
                session.disconnect(); // not close(): a peer that ignores pings would ignore a close frame too
            }
        }
    }
}
