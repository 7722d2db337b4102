package io.github.wsrecipes.server;

import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection: greets the peer with {@code yo}, keeps it alive, logs how it ends.
 *
 * <p>What happens to each message is in the two subclasses, because Jetty decides from the
 * methods an endpoint overrides whether it delivers whole messages
 * ({@link MessageEchoEndpoint}) or frame by frame ({@link FrameEchoEndpoint}), WebSocket-Node's
 * {@code assembleFragments} switch. Jetty needs endpoint classes to be public.
 */
public abstract class EchoEndpoint implements Session.Listener.AutoDemanding {

    static final Logger LOG = LoggerFactory.getLogger(EchoEndpoint.class);

    private final Keepalive keepalive;
    private Keepalive.Watch watch;
    private SocketAddress peer;
    Session session;

    EchoEndpoint(Keepalive keepalive) {
        this.keepalive = keepalive;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        if (keepalive != null) {
            watch = keepalive.watch(session);
        }
        session.sendText("yo", Callback.NOOP);
    }

    @Override
    public void onWebSocketPong(java.nio.ByteBuffer payload) {
        heard();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof ClosedChannelException || cause instanceof EofException) {
            return; // the peer vanished without a close frame: the close line below reports 1006
        }
        LOG.warn("Error on connection {}: {}", peer, cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (watch != null) {
            watch.stop();
        }
        LOG.info("Peer {} disconnected: {} {}", peer, statusCode, reason == null ? "" : reason);
        callback.succeed();
    }

    /** Every frame from the peer counts as a sign of life, as in WebSocket-Node. */
    void heard() {
        if (watch != null) {
            watch.heard();
        }
    }
}
