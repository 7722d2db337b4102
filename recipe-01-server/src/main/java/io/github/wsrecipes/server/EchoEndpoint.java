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
 * One accepted connection: greets with {@code yo}, echoes, logs how it ends. Jetty delivers whole
 * messages or single frames depending on the methods an endpoint overrides: {@link Messages}
 * (assembleFragments on) or {@link Frames} (off). Jetty needs endpoint classes to be public.
 *
 * <p>The next frame is read only once the echo of the last one is written ({@code demand()} in the
 * send's callback): a peer that stops reading stops being read, so its backlog is one message.
 */
public abstract class EchoEndpoint implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(EchoEndpoint.class);

    private final Keepalive keepalive;
    private final boolean quiet;
    private Keepalive.Watch watch;
    private SocketAddress peer;
    Session session;

    EchoEndpoint(Keepalive keepalive, boolean quiet) {
        this.keepalive = keepalive;
        this.quiet = quiet;
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
        heard();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (!(cause instanceof ClosedChannelException || cause instanceof EofException)) { // those end in a 1006 line
            LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (watch != null) {
            watch.stop();
        }
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }

    /** Every frame from the peer is a sign of life, as in WebSocket-Node; then read the next one. */
    void heard() {
        if (watch != null) {
            watch.heard();
        }
        session.demand();
    }

    /** Releases what was received and reads on once the echo is written. */
    Callback echoed(Callback received) {
        return Callback.from(() -> {
            received.succeed();
            heard();
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

        Messages(Keepalive keepalive, boolean quiet, OutgoingMessages outgoing) {
            super(keepalive, quiet);
            this.outgoing = outgoing;
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
        Frames(Keepalive keepalive, boolean quiet) {
            super(keepalive, quiet);
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
