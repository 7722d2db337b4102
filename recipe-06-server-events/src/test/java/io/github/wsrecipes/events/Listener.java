package io.github.wsrecipes.events;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A real Jetty WebSocket client for the tests: records every text it receives with the moment it
 * arrived (this JVM's nanoTime, the clock of the server's {@code t} when both run here), and the
 * close code and reason.
 */
public final class Listener implements Session.Listener.AutoDemanding {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([^,\"}]*)");

    /** One text as it arrived. */
    public record Received(String text, long arrivedNanos) {
        public boolean isStatus() {
            return text.startsWith("{");
        }

        /** A field of a status push, e.g. {@code seq}, {@code clients} or {@code t}. */
        public long field(String name) {
            Matcher field = FIELD.matcher(text);
            while (field.find()) {
                if (field.group(1).equals(name)) {
                    return (long) Double.parseDouble(field.group(2));
                }
            }
            throw new AssertionError("no " + name + " in " + text);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    public volatile Session session;

    public static Listener connect(WebSocketClient client, URI http) throws Exception {
        Listener listener = new Listener();
        ClientUpgradeRequest request = new ClientUpgradeRequest(ws(http));
        request.setSubProtocols(PushServer.PROTOCOL);
        client.connect(listener, request).get(10, TimeUnit.SECONDS);
        return listener;
    }

    public static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        received.add(new Received(message, System.nanoTime()));
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

    public List<Received> statuses() {
        return received.stream().filter(Received::isStatus).toList();
    }

    public long lastSeq() {
        List<Received> statuses = statuses();
        return statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1).field("seq");
    }

    public String closeStatus() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }
}
