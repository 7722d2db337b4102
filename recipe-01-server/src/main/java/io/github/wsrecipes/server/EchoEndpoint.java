package io.github.wsrecipes.server;

import io.github.wsrecipes.support.PeerText;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: greets with {@code yo}, echoes, logs how it ends. Jetty delivers whole messages or frames
 * by the methods an endpoint overrides: {@link Messages}, or {@link Frames} with assembleFragments off.
 * The next frame is read only once the last echo is written: a peer that stops reading stops being read.
 */
public abstract class EchoEndpoint implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(EchoEndpoint.class);

    final Options options;
    private final Scheduler scheduler;
    private Keepalive keepalive;
    private SocketAddress peer;
    Session session;

    EchoEndpoint(Options options, Scheduler scheduler) {
        this.options = options;
        this.scheduler = scheduler;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        LOG.info("Connected: {} with protocol {}", peer, session.getUpgradeResponse().getAcceptedSubProtocol());
        keepalive = options.keepalive && !options.useNativeKeepalive ? new Keepalive(options, scheduler, session) : null;
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
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }

    /** Every frame from the peer is a sign of life, as in WebSocket-Node; then the next one is read. */
    void heard() {
        if (keepalive != null) {
            keepalive.heard();
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
        if (!options.quiet) {
            LOG.info(format, args);
        }
    }

    /**
     * Whole messages; an echo over fragmentationThreshold goes out in frames of that many bytes at most (Jetty
     * splits only at its max frame size), one at a time: frames queued at once past a bound on Jetty's queue fail.
     */
    public static final class Messages extends EchoEndpoint {
        private final int frameSize;

        Messages(Options options, Scheduler scheduler) {
            super(options, scheduler);
            this.frameSize = options.fragmentOutgoingMessages
                    ? Math.min(options.fragmentationThreshold, options.maxReceivedFrameSize) : options.maxReceivedFrameSize;
        }

        @Override
        public void onWebSocketText(String message) {
            log("Received Message: {}", PeerText.of(message));
            sendText(message, 0, echoed(Callback.NOOP));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback received) {
            log("Received Binary Message of {} bytes", payload.remaining());
            sendBinary(payload, echoed(received)); // the payload is Jetty's until `received` completes
        }

        private void sendText(String text, int start, Callback done) {
            int end = endOfFrame(text, start);
            boolean last = end == text.length();
            session.sendPartialText(text.substring(start, end), last,
                    last ? done : Callback.from(() -> sendText(text, end, done), done::fail));
        }

        private void sendBinary(ByteBuffer rest, Callback done) {
            ByteBuffer frame = rest.slice(rest.position(), Math.min(frameSize, rest.remaining()));
            rest.position(rest.position() + frame.remaining());
            boolean last = !rest.hasRemaining();
            session.sendPartialBinary(frame, last, last ? done : Callback.from(() -> sendBinary(rest, done), done::fail));
        }

        /** The threshold counts UTF-8 bytes on the wire, and a frame never ends inside a character. */
        private int endOfFrame(String text, int start) {
            int bytes = 0;
            int end = start;
            while (end < text.length()) {
                int codePoint = text.codePointAt(end);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (bytes + size > frameSize && end > start) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            return end;
        }
    }

    /** Frame by frame (WebSocket-Node's {@code frame} event): each goes back as it came. */
    public static final class Frames extends EchoEndpoint {
        Frames(Options options, Scheduler scheduler) {
            super(options, scheduler);
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
