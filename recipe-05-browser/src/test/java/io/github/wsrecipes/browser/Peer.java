package io.github.wsrecipes.browser;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A real Jetty WebSocket client for the tests that records what arrives, whole {@link Messages}
 * or {@link Frames}, plus the close code and reason. (Jetty refuses an endpoint that overrides
 * both the whole-message and the partial-message methods, hence two kinds.)
 */
public abstract class Peer implements Session.Listener.AutoDemanding {

    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    Session session;

    static Session connect(WebSocketClient client, URI uri, Peer peer, String origin, String... protocols)
            throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest(ws(uri));
        request.setSubProtocols(protocols);
        if (origin != null) {
            request.setHeader("Origin", origin);
        }
        // Generous: a first connect to a freshly started JVM on a busy machine takes seconds.
        return client.connect(peer, request).get(20, TimeUnit.SECONDS);
    }

    static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        pongs.add(payload);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete("error " + cause);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode + " " + reason);
        callback.succeed();
    }

    /** The next message, or a failure after ten seconds. */
    Object next() throws InterruptedException {
        Object message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("nothing arrived within 10 s");
        }
        return message;
    }

    String closeStatus() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    /** Records each whole text message as a String and each binary one as a byte[]. */
    public static class Messages extends Peer {
        @Override
        public void onWebSocketText(String message) {
            received.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            received.add(bytes);
            callback.succeed();
        }
    }

    /** Records each text frame as it comes, with its fin flag: "payload|last" or "payload|more". */
    public static class Frames extends Peer {
        @Override
        public void onWebSocketPartialText(String payload, boolean fin) {
            received.add(payload + (fin ? "|last" : "|more"));
        }
    }
}
