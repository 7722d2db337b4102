package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A test's end of one WebSocket: what it sends, and a queue of what it receives. */
// Public: Jetty calls the listener methods through method handles and refuses a package-private class.
public final class Peer implements Session.Listener.AutoDemanding, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private Session session;

    /** Connects asking for these subprotocols; the future fails when the server refuses. */
    public static CompletableFuture<Peer> connect(WebSocketClient client, URI uri, String... protocols) throws Exception {
        return connectFrom(client, uri, null, protocols);
    }

    /** Connects as a page of this origin would (null: as a program, without Origin). */
    public static CompletableFuture<Peer> connectFrom(WebSocketClient client, URI uri, String origin, String... protocols) throws Exception {
        Peer peer = new Peer();
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setSubProtocols(protocols);
        if (origin != null) {
            request.setHeader("Origin", origin);
        }
        return client.connect(peer, request).thenApply(session -> {
            peer.session = session;
            return peer;
        });
    }

    public static Peer open(WebSocketClient client, URI uri, String... protocols) throws Exception {
        return connect(client, uri, protocols).get(15, TimeUnit.SECONDS);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public String protocol() {
        return session.getUpgradeResponse().getAcceptedSubProtocol();
    }

    public void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    public void sendBinary(byte[] bytes) {
        session.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);
    }

    /** Sends one message and returns the next one received, as JSON. */
    public JsonNode ask(String message) {
        send(message);
        return nextJson();
    }

    public JsonNode nextJson() {
        return json(next());
    }

    public String next() {
        try {
            String text = received.poll(5, TimeUnit.SECONDS);
            if (text == null) {
                fail("nothing received within 5 s");
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    /** "CODE reason", as the close frame said it. */
    public CompletableFuture<String> closeStatus() {
        return closeCode.thenCombine(closeReason, (code, reason) -> code + " " + reason);
    }

    @Override
    public void onWebSocketText(String message) {
        received.add(message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closeReason.complete(reason);
        closeCode.complete(statusCode);
        callback.succeed();
    }

    /** Errors show up as failed futures and missing messages; the test says what it expected. */
    @Override
    public void onWebSocketError(Throwable cause) {
        closeCode.completeExceptionally(cause);
        closeReason.completeExceptionally(cause);
    }

    @Override
    public void close() {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
