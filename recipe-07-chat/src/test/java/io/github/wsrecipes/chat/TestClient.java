package io.github.wsrecipes.chat;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.TimeUnit;

import org.json.JSONArray;
import org.json.JSONObject;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;

/**
 * A chat member made of a socket.io-client-java socket: records every event of the chat in
 * arrival order, with its arguments as plain Java values (JSON objects become maps).
 */
public final class TestClient implements AutoCloseable {

    /** One event as delivered. */
    public record Event(String name, List<Object> args) {
        /** The first argument, for the chat's one-object events. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) args.get(0);
        }
    }

    static final List<String> RECORDED = List.of(Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT,
            "joined", "message", "disconnected", "members", "history", "typing", "stop typing", "error");

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Socket socket;
    private final List<Event> seen = Collections.synchronizedList(new ArrayList<>());

    private TestClient(Socket socket) {
        this.socket = socket;
        RECORDED.forEach(name -> socket.on(name, args -> seen.add(new Event(name, Arrays.stream(args).map(TestClient::plain).toList()))));
    }

    /** Starts the recipe in this JVM on free ports, with these options added. */
    public static ChatServer startServer(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        for (String port : List.of("--port", "--socketio-port")) {
            if (!all.contains(port)) {
                all.addAll(List.of(port, "0"));
            }
        }
        Options options = new Options();
        if (options.parse(all.toArray(String[]::new)).isPresent()) {
            throw new IllegalArgumentException("bad options " + all);
        }
        ChatServer chat = new ChatServer(options);
        chat.start();
        return chat;
    }

    /** Connects over WebSocket from the start (or polling first) and waits until connected. */
    public static TestClient connect(URI socketIo, boolean pollingFirst) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setPath(socketIo.getPath())
                .setTransports(pollingFirst ? new String[] {"polling", "websocket"} : new String[] {"websocket"})
                .build();
        TestClient client = new TestClient(IO.socket(URI.create(socketIo.getScheme() + "://" + socketIo.getAuthority()), options));
        client.socket.connect();
        client.first(Socket.EVENT_CONNECT);
        return client;
    }

    public static TestClient connect(URI socketIo) {
        return connect(socketIo, false);
    }

    /** Starts connecting with options of the test's own (transports, an HTTP client with cookies); does not wait. */
    public static TestClient open(URI socketIo, IO.Options options) {
        options.path = socketIo.getPath();
        TestClient client = new TestClient(IO.socket(URI.create(socketIo.getScheme() + "://" + socketIo.getAuthority()), options));
        client.socket.connect();
        return client;
    }

    /** Connects and joins under this name; returns once the member list has arrived. */
    public static TestClient join(URI socketIo, String name) {
        TestClient client = connect(socketIo);
        client.emit("joined", Map.of("name", name));
        client.first("members");
        return client;
    }

    /** Waits for the first event with this name. */
    public Event first(String name) {
        return await().atMost(PATIENCE).until(() -> find(name, 0), Optional::isPresent).orElseThrow();
    }

    /** Waits for the first event with this name at or after a mark. */
    public Event firstAfter(int mark, String name) {
        return await().atMost(PATIENCE).until(() -> find(name, mark), Optional::isPresent).orElseThrow();
    }

    /** A position in the stream of events, for "after this point" questions. */
    public int mark() {
        return seen.size();
    }

    public List<Event> events() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Event> all(String name) {
        return events().stream().filter(event -> event.name().equals(name)).toList();
    }

    private Optional<Event> find(String name, int from) {
        List<Event> events = events();
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(event -> event.name().equals(name)).findFirst();
    }

    /** Emits one JSON object (or nothing) without asking for an acknowledgement. */
    public void emit(String event, Map<String, ?> data) {
        if (data == null) {
            socket.emit(event);
        } else {
            socket.emit(event, new JSONObject(data));
        }
    }

    /**
     * Emits and waits for the server's acknowledgement. The server handles one socket's packets in
     * order, so afterwards this client holds every event the server queued for it before: the way
     * to prove that an event did NOT come, without sleeping.
     */
    public Map<String, Object> emitWithAck(String event, Map<String, ?> data) throws Exception {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        socket.emit(event, new Object[] {new JSONObject(data)}, (Ack) reply -> answer.complete(
                reply.length > 0 && plain(reply[0]) instanceof Map<?, ?> map ? new TreeMap<>(castMap(map)) : Map.of()));
        return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends a message and waits for its acknowledgement. */
    public Map<String, Object> say(String text) throws Exception {
        return emitWithAck("message", Map.of("message", text));
    }

    /** A round trip that changes nothing for a member who is not typing: {@code stop typing}, acknowledged. */
    public void roundTrip() throws Exception {
        emitWithAck("stop typing", Map.of());
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        socket.disconnect();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
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
