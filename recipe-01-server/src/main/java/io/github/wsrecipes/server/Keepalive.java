package io.github.wsrecipes.server;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;

import io.github.wsrecipes.support.ServerThreads;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket-Node's keepalive of one connection, which Jetty lacks: a ping every interval; a peer silent
 * for the grace period after one is dropped (or only reported). useNativeKeepalive: TCP probes instead.
 */
final class Keepalive {

    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

    private final Options options;
    private final Scheduler scheduler;
    private final Session session;
    private volatile long heardAt = System.nanoTime();

    Keepalive(Options options, Scheduler scheduler, Session session) {
        this.options = options;
        this.scheduler = scheduler;
        this.session = session;
        scheduler.schedule(this::ping, options.keepaliveInterval, MILLISECONDS);
    }

    /** A connector whose sockets send TCP keepalive probes, the first after the interval, when useNativeKeepalive asks. */
    static ServerConnector connector(Server server, Options options) {
        return new ServerConnector(server, ServerThreads.ACCEPTORS, ServerThreads.SELECTORS) {
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

    /** Any frame from the peer, a pong above all, proves it is still there. */
    void heard() {
        heardAt = System.nanoTime();
    }

    private void ping() {
        if (session.isOpen()) {
            long sentAt = System.nanoTime(); // before the send: on loopback the pong can be back before sendPing returns
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            scheduler.schedule(() -> check(sentAt), options.keepaliveGracePeriod, MILLISECONDS);
            scheduler.schedule(this::ping, options.keepaliveInterval, MILLISECONDS);
        }
    }

    private void check(long sentAt) {
        if (heardAt - sentAt < 0 && session.isOpen()) {
            boolean drop = options.dropConnectionOnKeepaliveTimeout;
            LOG.warn("Keepalive: no pong from {} within {} ms, {}", session.getRemoteSocketAddress(),
                    options.keepaliveGracePeriod, drop ? "dropping the connection" : "connection kept");
            if (drop) {
                session.disconnect(); // not close(): a peer that ignores pings would ignore a close frame too
            }
        }
    }
}
