package io.github.wsrecipes.server;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: greets with {@code yo}, echoes, logs how it ends. Jetty delivers whole messages or
 * frames by the methods an endpoint overrides: {@link Messages} or {@link Frames} (assembleFragments
 * off). The next frame is read only once the last echo is written ({@code demand()} in the send's
 * callback): a peer that stops reading stops being read, its backlog is one message.
 */
public abstract class EchoEndpoint implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(EchoEndpoint.class);

    private final Keepalive keepalive;
    private final boolean quiet;
    private Keepalive.Watch watch;
    private SocketAddress peer;
    Session session;

    EchoEndpoint(Options options, Keepalive keepalive) {
        this.keepalive = keepalive;
        this.quiet = options.quiet;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        LOG.info("Connected: {} with protocol {}", peer, session.getUpgradeResponse().getAcceptedSubProtocol());
        watch = keepalive == null ? null : keepalive.new Watch(session);
        session.sendText("yo", Callback.NOOP);
        session.demand();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        session.sendPong(payload, Callback.NOOP); // overriding this method turns Jetty's own pong off
        heard(true);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard(true);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (!(cause instanceof ClosedChannelException || cause instanceof EofException)) { // those end in a 1006 line
            LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        heard(false);
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }

    /** Every frame from the peer is a sign of life, as in WebSocket-Node; then read the next one (or stop watching). */
    void heard(boolean open) {
        if (watch != null) {
            watch.heard(open);
        }
        if (open) {
            session.demand();
        }
    }

    /** Releases what was received and reads on once the echo is written. */
    Callback echoed(Callback received) {
        return Callback.from(() -> {
            received.succeed();
            heard(true);
        }, failure -> {
            received.fail(failure);
            LOG.info("Echo to {} failed: {}", peer, PeerText.of(failure.toString()));
        });
    }

    void log(String format, Object... args) {
        if (!quiet) {
            LOG.info(format, args);
        }
    }

    /** Whole messages, sent back in frames by {@link OutgoingMessages}. */
    public static final class Messages extends EchoEndpoint {
        private final OutgoingMessages outgoing;

        Messages(Options options, Keepalive keepalive) {
            super(options, keepalive);
            this.outgoing = new OutgoingMessages(options);
        }

        @Override
        public void onWebSocketText(String message) {
            log("Received Message: {}", PeerText.of(message));
            outgoing.text(session, message, echoed(Callback.NOOP));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback received) {
            log("Received Binary Message of {} bytes", payload.remaining());
            outgoing.binary(session, payload, echoed(received)); // the payload is Jetty's until `received` completes
        }
    }

    /** Frame by frame (WebSocket-Node's {@code frame} event): each goes back as it came. */
    public static final class Frames extends EchoEndpoint {
        Frames(Options options, Keepalive keepalive) {
            super(options, keepalive);
        }

        @Override
        public void onWebSocketPartialText(String payload, boolean fin) {
            log("Received Frame: text, {} chars{}", payload.length(), fin ? ", last" : "");
            session.sendPartialText(payload, fin, echoed(Callback.NOOP));
        }

        @Override
        public void onWebSocketPartialBinary(ByteBuffer payload, boolean fin, Callback received) {
            log("Received Frame: binary, {} bytes{}", payload.remaining(), fin ? ", last" : "");
            session.sendPartialBinary(payload, fin, echoed(received));
        }
    }
}
