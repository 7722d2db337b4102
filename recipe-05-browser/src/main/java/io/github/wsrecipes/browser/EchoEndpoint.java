package io.github.wsrecipes.browser;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page's connection: every text and binary message goes back byte for byte.
 *
 * <p>The next message is read only once the echo of the last one is written ({@code demand()}
 * in the send's callback), so a page that stops reading stops the server reading from it too:
 * its backlog here is one message, whatever it sends. Jetty needs endpoint classes to be public.
 */
public final class EchoEndpoint implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(EchoEndpoint.class);

    private final boolean quiet;
    private Session session;
    private SocketAddress peer;

    EchoEndpoint(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        LOG.info("Connected: {} with protocol {}", peer, session.getUpgradeResponse().getAcceptedSubProtocol());
        session.demand();
    }

    @Override
    public void onWebSocketText(String text) {
        if (!quiet) {
            LOG.info("Received Message: {}", PeerText.of(text));
        }
        session.sendText(text, Callback.from(session::demand, this::sendFailed));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback received) {
        if (!quiet) {
            LOG.info("Received Binary Message of {} bytes", payload.remaining());
        }
        // The payload stays ours until `received` completes: echo it, then release it.
        session.sendBinary(payload, Callback.from(() -> {
            received.succeed();
            session.demand();
        }, failure -> {
            received.fail(failure);
            sendFailed(failure);
        }));
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        // A listener that handles pings answers them itself (Jetty's own pong is off then), and demands on.
        session.sendPong(payload, Callback.from(session::demand, this::sendFailed));
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        session.demand();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof ClosedChannelException || cause instanceof EofException) {
            return; // the peer vanished without a close frame: the close line reports 1006
        }
        LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }

    /** Reads on after a failed send too: the peer's close frame is what ends the connection cleanly. */
    private void sendFailed(Throwable cause) {
        LOG.info("Echo to {} failed: {}", peer, PeerText.of(cause.toString()));
        session.demand();
    }
}
