package io.github.wsrecipes.socketio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.json.JSONObject;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The chapter's page, as a Java program: connects to {@code /} and {@code /custom-namespace} over
 * one connection and prints what arrives, as the browser console showed it.
 */
@Command(name = "chapter-client", mixinStandardHelpOptions = true,
        description = "Connects to / and /custom-namespace of the recipe's Socket.IO server and prints what arrives.")
public final class ChapterClient implements AutoCloseable {

    static final List<String> NAMESPACES = List.of("/", "/custom-namespace");
    static final List<String> EVENTS = List.of("message", "custom-event", "news", "big_news", "custom-event-2",
            "custom-event-3", "hello-server");

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = "http://localhost:3004",
            description = "the Socket.IO server (default: ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/socket.io", description = "handshake path, as the server's --path (default: ${DEFAULT-VALUE})")
    String path;

    @Option(names = "--token", paramLabel = "T", description = "sent as ?token=T, for a server started with --token")
    String token;

    @Option(names = "--websocket-only", description = "skip HTTP long-polling and start with WebSocket")
    boolean websocketOnly;

    private final List<Socket> sockets = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(NAMESPACES.size());
    private final AtomicBoolean failed = new AtomicBoolean();

    public static void main(String[] args) throws InterruptedException {
        ChapterClient client = new ChapterClient();
        CommandLine cli = new CommandLine(client);
        try {
            if (CommandLine.printHelpIfRequested(cli.parseArgs(args))) {
                return;
            }
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            cli.usage(cli.getErr());
            System.exit(2);
        }
        client.connect(System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(client::close, "shutdown"));
        client.finished.await();
        System.exit(client.failed.get() ? 1 : 0);
    }

    /** Connects both namespaces; every line a learner should see goes to {@code out}. */
    void connect(Consumer<String> out) {
        IO.Options options = IO.Options.builder()
                .setPath(path)
                .setQuery(token == null ? null : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
                .setTransports(websocketOnly ? new String[] {"websocket"} : new String[] {"polling", "websocket"})
                // A refused or vanished server ends the program with the reason, instead of retrying forever.
                .setReconnection(false)
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
            failed.set(true);
            finished.countDown();
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> {
            print.accept("disconnect: " + describe(args));
            finished.countDown();
        });
        for (String event : EVENTS) {
            socket.on(event, args -> print.accept(event + ": " + describe(args)));
        }
        // Listing 8-10: the page answered the news with 'my other event'.
        socket.on("news", args -> emit(socket, print, "my other event", new JSONObject(Map.of("my", "data"))));
    }

    /** Emits with an acknowledgement, so the console also shows what the server understood. */
    private static void emit(Socket socket, Consumer<String> print, String event, Object... args) {
        print.accept("sent " + event + ": " + describe(args));
        socket.emit(event, args, (Ack) reply -> print.accept("server got " + event + ": " + describe(reply)));
    }

    /**
     * A refused handshake reaches the client only as an HTTP status deep in the cause chain
     * (netty-socketio sends a bare 401), so spell out what the server checks.
     */
    private static String reason(Object[] args) {
        Object error = args.length > 0 ? args[0] : "no reason given";
        StringBuilder chain = new StringBuilder(String.valueOf(error instanceof Throwable t ? t.getMessage() : error));
        for (Throwable cause = error instanceof Throwable t ? t.getCause() : null; cause != null; cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getMessage());
        }
        String text = chain.toString();
        if (text.contains("401")) {
            return text + " (the server refused the handshake: missing or wrong --token, or an Origin not in its --origins)";
        }
        return text + " (is the server running, with the same --path?)";
    }

    private static String describe(Object[] args) {
        return Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(" "));
    }

    @Override
    public void close() {
        sockets.forEach(Socket::disconnect);
    }
}
