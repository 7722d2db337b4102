package io.github.wsrecipes.socketio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.wsrecipes.support.CommandLines;
import org.json.JSONObject;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The chapter's page as a Java program: prints what arrives, as the browser console showed it. */
@Command(name = "console-client", mixinStandardHelpOptions = true, versionProvider = CommandLines.ManifestVersion.class,
        description = "Connects to /, /custom-namespace and /users of recipe 04's Socket.IO server and prints what arrives.")
public final class ConsoleClient implements AutoCloseable {

    static final List<String> NAMESPACES = List.of("/", "/custom-namespace", "/users");
    static final List<String> EVENTS = List.of("message", "custom-event", "news", "big_news", "custom-event-2",
            "custom-event-3", "hello-server", "user message", "users message");

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "the Socket.IO server (default: ${DEFAULT-VALUE})")
    URI server = URI.create("http://localhost:3004");

    @Option(names = "--path", description = "handshake path, as the server's --path (default: ${DEFAULT-VALUE})")
    String path = "/socket.io";

    @Option(names = "--token", paramLabel = "T", description = "sent as ?token=T, for a server started with --token")
    String token;

    @Option(names = "--websocket-only", description = "skip HTTP long-polling and start with WebSocket")
    boolean websocketOnly;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(NAMESPACES.size());
    private volatile boolean failed;

    public static void main(String[] args) throws InterruptedException {
        ConsoleClient client = new ConsoleClient();
        CommandLines.parse(client, cli -> { }, args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        Runtime.getRuntime().addShutdownHook(new Thread(client::close, "stop"));
        client.connect(System.out::println);
        client.finished.await();
        System.exit(client.failed ? 1 : 0);
    }

    void connect(Consumer<String> out) {
        IO.Options options = IO.Options.builder()
                .setPath(path)
                .setQuery(token == null ? null : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .setTransports(websocketOnly ? new String[] {"websocket"} : new String[] {"polling", "websocket"})
                .setReconnection(false) // a refused or vanished server ends the program with the reason
                .build();
        // One Manager is one Engine.IO connection; each namespace is a Socket multiplexed over it,
        // as the chapter's page did with io('/') and io('/custom-namespace').
        Manager connection = new Manager(server, options);
        for (String namespace : NAMESPACES) {
            Socket socket = connection.socket(namespace, options);
            watch(socket, line -> out.accept("[" + namespace + "] " + line));
            sockets.add(socket);
            socket.connect();
        }
    }

    private void watch(Socket socket, Consumer<String> print) {
        socket.on(Socket.EVENT_CONNECT, args -> {
            print.accept("connect, id " + socket.id());
            emit(socket, print, "message", "Hi, from the Java client");
            emit(socket, print, "custom-event", "parameter1", "parameter2");
        });
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            print.accept("connect_error: " + reason(args));
            failed = true;
            finished.countDown();
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> {
            print.accept("disconnect" + describe(args));
            finished.countDown();
        });
        EVENTS.forEach(event -> socket.on(event, args -> print.accept(event + describe(args))));
        // Listing 8-10: the page answered the news with 'my other event'.
        socket.on("news", args -> emit(socket, print, "my other event", new JSONObject(Map.of("my", "data"))));
    }

    /** Emits with an acknowledgement, so the console also shows what the server understood. */
    private static void emit(Socket socket, Consumer<String> print, String event, Object... args) {
        print.accept("sent " + event + describe(args));
        socket.emit(event, args, (Ack) reply -> print.accept("server got " + event + describe(reply)));
    }

    /** A refused handshake reaches the client only as an HTTP status deep in the cause chain: say what it means. */
    private static String reason(Object[] args) {
        String chain = "";
        for (Throwable cause = args.length > 0 && args[0] instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            chain += (chain.isEmpty() ? "" : " <- ") + cause.getMessage();
        }
        return chain + (chain.contains("401") ? " (the server refused the handshake: missing or wrong --token)"
                : " (is the server running, with the same --path?)");
    }

    /** Event arguments as the log shows them: {@code : a b}, or nothing when there are none. */
    private static String describe(Object[] args) {
        return args.length == 0 ? "" : ": " + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(" "));
    }

    @Override
    public void close() {
        sockets.forEach(Socket::disconnect);
    }
}
