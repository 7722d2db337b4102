package io.github.wsrecipes.router;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A test client for floods: it keeps no message, only counts them (and can watch for one), so
 * that the test's own memory stays flat. A stuck one never asks for a frame: it never reads.
 */
public final class Counter implements Session.Listener {

    private final boolean reads;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private volatile Predicate<String> watched = text -> false;
    private volatile CompletableFuture<String> seen = new CompletableFuture<>();
    private Session session;

    private Counter(boolean reads) {
        this.reads = reads;
    }

    public static Counter open(WebSocketClient client, URI uri, String protocol, boolean reads) throws Exception {
        Counter counter = new Counter(reads);
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setSubProtocols(protocol);
        client.connect(counter, request).get(15, TimeUnit.SECONDS);
        return counter;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        if (reads) {
            session.demand();
        }
    }

    @Override
    public void onWebSocketText(String text) {
        received.incrementAndGet();
        if (watched.test(text)) {
            seen.complete(text);
        }
        session.demand();
    }

    @Override
    public void onWebSocketPing(java.nio.ByteBuffer payload) {
        session.demand();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode + " " + reason);
        callback.succeed();
    }

    /** A send of ours that races the server's close fails here; what the server said still arrives in onWebSocketClose. */
    @Override
    public void onWebSocketError(Throwable cause) {
        errors.incrementAndGet();
    }

    /** Completes with the first message from now on that satisfies the condition. */
    public CompletableFuture<String> watch(Predicate<String> condition) {
        seen = new CompletableFuture<>();
        watched = condition;
        return seen;
    }

    public void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** Sends and waits until the text is written, so that a flood is paced by the socket. */
    public void sendAndWait(String text) throws Exception {
        CompletableFuture<Void> written = new CompletableFuture<>();
        session.sendText(text, Callback.from(() -> written.complete(null), written::completeExceptionally));
        written.get(30, TimeUnit.SECONDS);
    }

    public long received() {
        return received.get();
    }

    /** "CODE reason" once closed; 1006 when the connection broke without a close frame. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    public boolean isOpen() {
        return session.isOpen();
    }
}
