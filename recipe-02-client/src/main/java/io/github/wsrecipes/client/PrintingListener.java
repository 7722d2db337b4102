package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection, printed as listing 8-2 prints it: connect, message, close. A Jetty 12 endpoint
 * that takes frames gets no messages, hence {@link Messages} and {@link Frames} (assembleFragments off).
 */
public abstract class PrintingListener implements Session.Listener.AutoDemanding {

    final PrintStream out;
    private final Consumer<Session> whenOpen;
    final CompletableFuture<Integer> closed = new CompletableFuture<>(); // the close code, whoever closed
    private volatile Session session;

    PrintingListener(PrintStream out, Consumer<Session> whenOpen) {
        this.out = out;
        this.whenOpen = whenOpen;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        out.println("WebSocket Client Connected");
        whenOpen.accept(session);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (session != null) { // before the open, EchoClient prints the failure as connectFailed
            out.println("Connection Error: " + PeerText.of(cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        out.println(("Connection Closed: " + statusCode + " " + (reason == null ? "" : PeerText.of(reason))).strip());
        closed.complete(statusCode);
        callback.succeed();
    }

    /** Starts the closing handshake; false when nothing is open. closeTimeout: no close frame back in time drops the TCP connection. */
    boolean close(int statusCode, String reason, long closeTimeoutMillis) {
        Session open = session;
        if (open == null || closed.isDone()) {
            return false;
        }
        open.close(statusCode, reason, Callback.NOOP);
        CompletableFuture.delayedExecutor(closeTimeoutMillis, TimeUnit.MILLISECONDS).execute(() -> {
            if (!closed.isDone()) {
                out.println("No close frame within " + closeTimeoutMillis + " ms: dropping the connection");
                open.disconnect();
            }
        });
        return true;
    }

    /** Whole messages, as the original's {@code message} event: the utf8 data, or a binary byte count. */
    public static final class Messages extends PrintingListener {
        Messages(PrintStream out, Consumer<Session> whenOpen) {
            super(out, whenOpen);
        }

        @Override
        public void onWebSocketText(String message) {
            out.println("Received: '" + PeerText.of(message) + "'");
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            out.println("Received Binary Message of " + payload.remaining() + " bytes");
            callback.succeed();
        }
    }

    /** Each data frame, as the original's {@code frame} event (RFC 6455 opcodes 0, 1 and 2). */
    public static final class Frames extends PrintingListener {
        private static final String[] KINDS = {"continuation", "text", "binary"};

        Frames(PrintStream out, Consumer<Session> whenOpen) {
            super(out, whenOpen);
        }

        @Override
        public void onWebSocketFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() < KINDS.length) {
                out.println("Received Frame of " + frame.getPayloadLength() + " bytes (" + KINDS[frame.getOpCode()]
                        + (frame.isFin() ? ", final" : "") + ")");
            }
            callback.succeed();
        }
    }
}
