package io.github.wsrecipes.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.wsrecipes.support.CommandLines;
import org.json.JSONArray;
import org.json.JSONObject;

import io.socket.client.IO;
import io.socket.client.Socket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The chat from a terminal, with socket.io-client-java: each line typed is a message; {@code /quit} leaves. */
@Command(name = "chat-client", mixinStandardHelpOptions = true, versionProvider = CommandLines.ManifestVersion.class,
        description = "Joins the recipe's chat from a terminal: each line you type is a message, /quit leaves.")
public final class ChatClient {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Parameters(arity = "0..1", paramLabel = "URL", description = "the Socket.IO server (default: ${DEFAULT-VALUE})")
    URI server = URI.create("http://localhost:3007");

    @Option(names = "--name", description = "your name in the chat (default: ${DEFAULT-VALUE})")
    String name = System.getProperty("user.name", "anon");

    private final Consumer<String> out;
    private Socket socket;
    private volatile String key;      // sent on a reconnect, to take our place back
    private volatile long lastSeq;    // and to be sent only the messages we missed
    private final CountDownLatch joined = new CountDownLatch(1);

    public ChatClient(Consumer<String> out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ChatClient client = new ChatClient(System.out::println);
        CommandLines.parse(client, cli -> { }, args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        client.connect();
        client.chat(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        client.close();
        System.exit(0);
    }

    /** Connects, joins on every (re)connect, and prints what arrives. */
    public void connect() {
        socket = IO.socket(server, IO.Options.builder().setTransports(new String[] {"websocket"}).build());
        socket.on(Socket.EVENT_CONNECT, args -> socket.emit("joined", new JSONObject(
                key == null ? Map.of("name", name) : Map.of("name", name, "key", key, "after", lastSeq))));
        socket.on("members", args -> {
            JSONObject data = (JSONObject) args[0];
            key = data.optString("key");
            out.accept("* you are " + text(data.optString("you")) + "; " + data.optInt("online") + " online: "
                    + text(String.join(", ", strings(data.optJSONArray("members")))));
        });
        socket.on("history", args -> {
            JSONArray lines = (JSONArray) args[0];
            for (int i = 0; i < lines.length(); i++) {
                print(lines.optJSONObject(i));
            }
            joined.countDown(); // the history comes right after the member list
        });
        socket.on("message", args -> print((JSONObject) args[0]));
        socket.on("joined", args -> out.accept("* " + nameIn(args) + " joined (" + ((JSONObject) args[0]).optInt("online") + " online)"));
        socket.on("disconnected", args -> out.accept("* " + nameIn(args) + " left (" + ((JSONObject) args[0]).optInt("online") + " online)"));
        socket.on("error", args -> out.accept("! " + (args.length > 0 && args[0] instanceof JSONObject e
                ? e.optString("rule") + ": " + text(e.optString("message")) : "error")));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> out.accept("! cannot reach " + server + "; retrying"));
        socket.on(Socket.EVENT_DISCONNECT, args -> out.accept("* disconnected: " + args[0]));
        socket.connect();
    }

    /** Once joined, each line read is a message, until {@code /quit} or the end of the input. */
    public void chat(BufferedReader in) throws IOException, InterruptedException {
        joined.await(); // a line typed before the join would be refused
        for (String line = in.readLine(); line != null && !line.equals("/quit"); line = in.readLine()) {
            if (!line.isBlank()) {
                socket.emit("message", new JSONObject(Map.of("message", line)));
            }
        }
    }

    /** Leaves once the server has handled every line sent: it answers this last event after them. */
    public void close() throws InterruptedException {
        CountDownLatch handled = new CountDownLatch(1);
        socket.emit("stop typing", new Object[0], reply -> handled.countDown());
        handled.await(2, TimeUnit.SECONDS);
        socket.close();
    }

    private void print(JSONObject line) {
        lastSeq = Math.max(lastSeq, line.optLong("seq"));
        out.accept("[" + TIME.format(Instant.ofEpochMilli(line.optLong("time"))) + "] "
                + text(line.optString("name")) + ": " + text(line.optString("message")));
    }

    private static java.util.List<String> strings(JSONArray array) {
        return java.util.stream.IntStream.range(0, array.length()).mapToObj(array::optString).toList();
    }

    private static String nameIn(Object[] args) {
        return text(((JSONObject) args[0]).optString("name"));
    }

    /** A peer's text as the terminal shows it: no control character can move the cursor or recolour the screen. */
    private static String text(String peer) {
        return peer.replaceAll("[\\p{Cntrl}\\u202a-\\u202e\\u2066-\\u2069]", "?");
    }
}
