package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.json.JSONArray;
import org.json.JSONObject;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;

/**
 * A socket.io-client-java socket that records every event the contract names, in arrival order,
 * with its arguments exactly as the client library delivered them.
 */
final class TestClient implements AutoCloseable {

    /** How the Engine.IO connection is made: the default upgrade path, or WebSocket from the start. */
    enum Transports {
        POLLING_THEN_UPGRADE("polling", "websocket"),
        WEBSOCKET_ONLY("websocket");

        final String[] names;

        Transports(String... names) {
            this.names = names;
        }
    }

    /** One event as delivered; {@code index} is its position in {@link #events()}. */
    record Event(int index, String name, List<Object> args) {
        /** Arguments as plain Java values (JSON objects become maps) for readable assertions. */
        List<Object> plainArgs() {
            return args.stream().map(TestClient::plain).toList();
        }
    }

    static final List<String> RECORDED = List.of(Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT,
            "message", "custom-event", "news", "big_news", "custom-event-2", "custom-event-3", "hello-server",
            "user message", "users message");

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Socket socket;
    private final CompletableFuture<Void> upgraded = new CompletableFuture<>();
    private final List<Event> seen = Collections.synchronizedList(new ArrayList<>());

    private TestClient(Socket socket) {
        this.socket = socket;
        RECORDED.forEach(name -> socket.on(name, args -> {
            synchronized (seen) {
                seen.add(new Event(seen.size(), name, List.of(args)));
            }
        }));
    }

    /** Opens a socket on its own Engine.IO connection; does not wait for the outcome. */
    static TestClient open(String serverUrl, String namespace, Transports transports, Consumer<IO.Options> tweak) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(transports.names)
                .build();
        tweak.accept(options);
        TestClient client = new TestClient(IO.socket(URI.create(serverUrl + namespace), options));
        client.socket.io().on(Manager.EVENT_TRANSPORT, args -> client.watchUpgrade((Transport) args[0]));
        client.socket.connect();
        return client;
    }

    /**
     * Opens a socket and waits until it is connected, and over polling until the upgrade to
     * WebSocket is over: netty-socketio 2.0.14 with this client may lose an event sent during the
     * upgrade (about one connection in a few hundred), which the README names as the reason the
     * page uses WebSocket only.
     */
    static TestClient connect(String serverUrl, String namespace, Transports transports) {
        TestClient client = open(serverUrl, namespace, transports, options -> { });
        client.first(Socket.EVENT_CONNECT);
        if (transports == Transports.POLLING_THEN_UPGRADE) {
            assertThat(client.upgradedWithin(PATIENCE)).as("upgraded to WebSocket").isTrue();
        }
        return client;
    }

    /** Whether the Engine.IO upgrade from polling to WebSocket has finished, waiting at most {@code patience}. */
    boolean upgradedWithin(Duration patience) {
        try {
            upgraded.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stalled) {
            return false;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    // The Manager announces each transport it creates, on the client's event thread, before any
    // upgrade can finish; the engine it belongs to is package-private, hence reflection.
    private void watchUpgrade(Transport transport) {
        if (!"websocket".equals(transport.name)) {
            return;
        }
        try {
            Field engine = Manager.class.getDeclaredField("engine");
            engine.setAccessible(true);
            ((io.socket.engineio.client.Socket) engine.get(socket.io())).once(io.socket.engineio.client.Socket.EVENT_UPGRADE,
                    args -> upgraded.complete(null));
        } catch (ReflectiveOperationException e) {
            upgraded.completeExceptionally(e);
        }
    }

    /** Waits for the first event with this name and returns it. */
    Event first(String name) {
        return await().atMost(PATIENCE).until(() -> find(name, 0), Optional::isPresent).orElseThrow();
    }

    /** Waits for the first event with this name after the given mark. */
    Event firstAfter(int mark, String name) {
        return await().atMost(PATIENCE).until(() -> find(name, mark), Optional::isPresent).orElseThrow();
    }

    /** A position in the stream of events, for "after this point" questions. */
    int mark() {
        return seen.size();
    }

    List<Event> events() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    List<String> names() {
        return events().stream().map(Event::name).toList();
    }

    private Optional<Event> find(String name, int from) {
        List<Event> events = events();
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(event -> event.name.equals(name)).findFirst();
    }

    /** Emits an event asking for an acknowledgement and returns what the server acknowledged with. */
    List<Object> emitWithAck(String event, Object... args) throws Exception {
        CompletableFuture<List<Object>> answer = new CompletableFuture<>();
        socket.emit(event, args, (Ack) reply -> answer.complete(Arrays.stream(reply).map(TestClient::plain).toList()));
        return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Waits for the answer to an acknowledged event. The server handles one client's packets in
     * order and the client delivers them in order, so afterwards {@link #events()} holds everything
     * the server had queued for this client before: a way to prove an event did NOT come.
     */
    void roundTrip() throws Exception {
        emitWithAck("message", "round trip");
    }

    void emit(String event, Object... args) {
        socket.emit(event, args);
    }

    String id() {
        return socket.id();
    }

    @Override
    public void close() {
        socket.disconnect();
    }

    private static Object plain(Object value) {
        if (value instanceof JSONObject object) {
            Map<String, Object> map = new TreeMap<>();
            object.keys().forEachRemaining(key -> map.put((String) key, plain(object.opt((String) key))));
            return map;
        }
        if (value instanceof JSONArray array) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < array.length(); i++) {
                list.add(plain(array.opt(i)));
            }
            return list;
        }
        return value;
    }
}
