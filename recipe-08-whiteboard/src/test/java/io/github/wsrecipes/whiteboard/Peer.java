package io.github.wsrecipes.whiteboard;

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
    final CompletableFuture<String> closed = new CompletableFuture<>();
    Session session;
    /** The N of the {@code socketid_N} the server gave this peer, once {@link LiveBoard#join} read it. */
    String socketid;

    static Session connect(WebSocketClient client, URI uri, Peer peer, String origin, String... protocols)
            throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest(ws(uri));
        request.setSubProtocols(protocols);
        if (origin != null) {
            request.setHeader("Origin", origin);
        }
        return client.connect(peer, request).get(30, TimeUnit.SECONDS);
    }

    static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
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

    /** The next message, or a failure after 30 seconds. */
    Object next() throws InterruptedException {
        Object message = received.poll(30, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("nothing arrived within 30 s");
        }
        return message;
    }

    /** The next message that is not the server's count of people drawing. */
    String nextEvent() throws InterruptedException {
        while (true) {
            String message = (String) next();
            if (!message.startsWith("{\"type\":\"people\"")) {
                return message;
            }
        }
    }

    String closeStatus() throws Exception {
        return closed.get(30, TimeUnit.SECONDS);
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
