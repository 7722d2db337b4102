package io.github.wsrecipes.events;

import java.net.SocketAddress;

import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection, as the original's {@code connection.on('message')}: it logs what the client
 * sends and tells {@link Clients} when it comes and goes. Jetty needs endpoint classes to be public.
 */
public final class ClientEndpoint implements Session.Listener.AutoDemanding {

    /** Who gets the pushes: the {@link Ticker}, or with --broken the original's {@link TimerPerConnection}. */
    interface Clients {
        void joined(Session session);
        void left(Session session); // closed, failed or timed out; may come twice, so harmless then
        int count();
        void stop();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClientEndpoint.class);

    private final Clients clients;
    private final boolean quiet;
    private Session session;
    private SocketAddress peer;

    ClientEndpoint(Clients clients, boolean quiet) {
        this.clients = clients;
        this.quiet = quiet;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        clients.joined(session);
        LOG.info("Connected: {} ({} client(s))", peer, clients.count());
    }

    @Override
    public void onWebSocketText(String text) {
        if (!quiet) {
            LOG.info("Received Message: {}", PeerText.of(text));
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        clients.left(session); // at once, before Jetty reports the close that follows
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        clients.left(session);
        LOG.info("Disconnected: {} {} {} ({} client(s))", peer, statusCode, PeerText.of(reason), clients.count());
        callback.succeed();
    }
}
