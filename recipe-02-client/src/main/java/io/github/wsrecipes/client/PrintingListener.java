package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection, printed the way listing 8-2 prints it: {@code connect}, {@code message} (utf8
 * or binary), {@code close}. Auto-demanding, so Jetty keeps reading without being asked.
 *
 * <p>WebSocket-Node emitted either whole messages or, with {@code assembleFragments: false}, a
 * {@code frame} event per frame. Jetty 12 lets an endpoint take messages or frames but not both,
 * so each mode is its own small subclass: {@link Messages} and {@link Frames}.
 */
public abstract class PrintingListener implements Session.Listener.AutoDemanding {

    final PrintStream out;
    private final Consumer<Session> whenOpen;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean closedByUs;

    private PrintingListener(PrintStream out, Consumer<Session> whenOpen) {
        this.out = out;
        this.whenOpen = whenOpen;
    }

    static PrintingListener of(boolean assembleFragments, PrintStream out, Consumer<Session> whenOpen) {
        return assembleFragments ? new Messages(out, whenOpen) : new Frames(out, whenOpen);
    }

    /** Whole messages, as the original's {@code message} event: utf8 data or a binary byte count. */
    public static final class Messages extends PrintingListener {

        Messages(PrintStream out, Consumer<Session> whenOpen) {
            super(out, whenOpen);
        }

        @Override
        public void onWebSocketText(String message) {
            out.println("Received: '" + message + "'");
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            out.println("Received Binary Message of " + payload.remaining() + " bytes");
            callback.succeed();
        }
    }

    /** Each data frame as it arrives, as the original's {@code frame} event. */
    public static final class Frames extends PrintingListener {

        // RFC 6455 opcodes of the frames that carry data.
        private static final byte CONTINUATION = 0;
        private static final byte TEXT = 1;
        private static final byte BINARY = 2;

        Frames(PrintStream out, Consumer<Session> whenOpen) {
            super(out, whenOpen);
        }

        @Override
        public void onWebSocketFrame(Frame frame, Callback callback) {
            byte opCode = frame.getOpCode();
            if (opCode == TEXT || opCode == BINARY || opCode == CONTINUATION) {
                String kind = opCode == TEXT ? "text" : opCode == BINARY ? "binary" : "continuation";
                out.println("Received Frame of " + frame.getPayloadLength() + " bytes (" + kind
                        + (frame.isFin() ? ", final" : "") + ")");
            }
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        out.println("WebSocket Client Connected");
        whenOpen.accept(session);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Before the connection opened, Jetty reports the failure here too; EchoClient already
        // printed it as the original's connectFailed.
        if (session != null) {
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            out.println("Connection Error: " + why);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        out.println(("Connection Closed: " + statusCode + " " + (reason == null ? "" : reason)).strip());
        closed.complete(statusCode);
        callback.succeed();
    }

    /**
     * Starts the closing handshake. WebSocket-Node's closeTimeout: if the server has not answered
     * with its close frame in time, drop the TCP connection. Jetty would wait for its idle timeout.
     * Returns false when there is no open connection to close.
     */
    boolean close(int statusCode, String reason, long closeTimeoutMillis) {
        Session open = session;
        if (open == null || closed.isDone()) {
            return false;
        }
        closedByUs = true;
        open.close(statusCode, reason, Callback.NOOP);
        Executor afterTimeout = CompletableFuture.delayedExecutor(closeTimeoutMillis, TimeUnit.MILLISECONDS);
        afterTimeout.execute(() -> {
            if (!closed.isDone()) {
                out.println("No close frame within " + closeTimeoutMillis + " ms: dropping the connection");
                open.disconnect();
            }
        });
        return true;
    }

    /** Completes with the close code once the connection is closed, whoever closed it. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    boolean closedByUs() {
        return closedByUs;
    }
}
