package io.github.wsrecipes.router;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code echo-protocol} connection: each message goes through the {@link RouteTable} and gets
 * exactly one reply; a bad message costs a 400 reply, never the connection. Replies wait in the
 * connection's {@link Backlog}, so a client that asks and never reads is closed, not fed forever.
 * Jetty needs endpoint classes to be public.
 */
public final class ApiEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    private final RouteTable routes;
    private final Options options;
    private Session session;
    private Object peer; // the address, kept: a closed session no longer knows it
    private Backlog replies;

    ApiEndpoint(RouteTable routes, Options options) {
        this.routes = routes;
        this.options = options;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        this.replies = new Backlog(session, options.maxBacklog, options.closeTimeout);
        LOG.info("Connected: {} with protocol echo-protocol", peer);
    }

    @Override
    public void onWebSocketText(String text) {
        if (!options.quiet) {
            LOG.info("Received Message: {}", PeerText.of(text));
        }
        replies.sendText(routes.answer(text));
    }

    /** Listing 8-5 read only {@code utf8} messages and ignored the rest; we say so instead. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback received) {
        replies.sendText("{\"status\":400,\"error\":\"this API speaks JSON text; got " + payload.remaining() + " bytes of binary\"}");
        received.succeed();
    }

    /** A send to a peer that has gone fails here; the close line says how it went. */
    @Override
    public void onWebSocketError(Throwable cause) {
        if (!(cause instanceof ClosedChannelException || cause instanceof EofException)) {
            LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }
}
