package io.github.wsrecipes.socketio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.BroadcastOperations;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.ChannelFuture;

/**
 * Recipe 04 · Socket.IO namespaces, rooms, broadcast and middleware (listings 8-9, 8-10 and the
 * Socket.IO chapter). The chapter's server, in short:
 *
 * <pre>
 * const io = require('socket.io')(3004, { path: '/websocket' });  io.origins('localhost:8084');
 * io.use((socket, next) =&gt; socket.handshake.query.token === T ? next() : next(new Error('…')));
 * io.on('connection', (socket) =&gt; {
 *   socket.send('Hi, from server');  socket.emit('custom-event', 'parameter1', 'parameter2');
 *   socket.emit('news', { hello: 'world' });  socket.broadcast.emit('big_news', …);
 *   socket.join('my-custom-room');  socket.to('my-custom-room').send('Hi everyone. I just joined this group');
 * });
 * io.of('/users').on('connection', (s) =&gt; { s.emit('user message', …); users.emit('users message', …); });
 * setInterval(() =&gt; { io.emit('custom-event-2'); io.send("Hello Everyone. What's up!!!"); }, 5000);
 * </pre>
 */
public final class SocketIoRecipe {

    static final String ROOM = "my-custom-room";
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoRecipe.class);

    private final Options options;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(run -> new Thread(run, "ticks"));
    private PageServer pages;
    private SocketIOServer socketIo;
    private int socketIoPort;

    public SocketIoRecipe(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        SocketIoRecipe recipe = new SocketIoRecipe(options);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::stop, "stop"));
        try {
            recipe.start();
        } catch (IOException e) {
            System.err.println(e.getMessage()); // Cannot listen on HOST:PORT: …
            System.exit(1);
        }
        recipe.readyLines().forEach(System.out::println);
        Thread.currentThread().join();
    }

    /** Builds both servers top to bottom, in the order of the chapter. */
    public void start() throws Exception {
        // 1. The page server: the page, Pico CSS and the browser client, bound now (port 0 gets its number).
        try {
            pages = new PageServer(options.host, options.port);
        } catch (IOException | UnresolvedAddressException e) {
            throw cannotListen(options.host, options.port, e);
        }
        Origins origins = new Origins(pages.port(), options.origins);

        // 2. The Socket.IO server on its own port and {path}; io.origins on every request; io.use(token).
        Configuration config = Limits.apply(new Configuration());
        config.setHostname(options.host);
        config.setPort(options.socketIoPort);
        config.setContext(options.path);
        config.setAuthorizationListener(this::handshake);
        socketIo = new SocketIOServer(config);
        socketIo.setPipelineFactory(new RequestGuard(origins, options.path));

        // 3. io.on('connection'): the default namespace '/'.
        chapterNamespace(socketIo.getNamespace(""), "Hi, from server");
        // 4. io.of('/custom-namespace'): the same, with its own greeting; its rooms are its own.
        chapterNamespace(socketIo.addNamespace("/custom-namespace"), "Hi, from custom-namespace");
        // 5. io.of('/users'): one event for the newcomer alone, one for the whole namespace.
        SocketIONamespace users = socketIo.addNamespace("/users");
        users.addConnectListener(socket -> {
            LOG.info("{} connected to /users", socket.getSessionId());
            socket.sendEvent("user message", Map.of("that", "only", "/users", "will get"));
            users.getRoomOperations("/users").sendEvent("users message", Map.of("everyone", "in", "/users", "will get"));
        });

        ChannelFuture bound = (ChannelFuture) socketIo.startAsync();
        if (!bound.awaitUninterruptibly().isSuccess()) {
            throw cannotListen(options.host, options.socketIoPort, bound.cause());
        }
        socketIoPort = ((InetSocketAddress) bound.channel().localAddress()).getPort();
        pages.start(socketIoPort, options.path);

        // 6. The two setIntervals: to each namespace, then to the room of each namespace.
        ticks.scheduleAtFixedRate(() -> List.of(socketIo.getNamespace(""), socketIo.getNamespace("/custom-namespace")).forEach(ns -> {
            everyone(ns).sendEvent("custom-event-2");                                // io.emit('custom-event-2')
            everyone(ns).sendEvent("message", "Hello Everyone. What's up!!!");       // io.send(…)
            ns.getRoomOperations(ROOM).sendEvent("message", "Hello to everyone in this group");
            ns.getRoomOperations(ROOM).sendEvent("custom-event-3");
        }), options.tickMillis, options.tickMillis, TimeUnit.MILLISECONDS);
    }

    /** What both chapter namespaces do with a new socket, and with what it sends. */
    private void chapterNamespace(SocketIONamespace ns, String greeting) {
        ns.addConnectListener(socket -> {
            if (ConnectGate.tooEarly(socket)) {
                return;
            }
            LOG.info("{} connected to {}", socket.getSessionId(), name(ns));
            socket.sendEvent("message", greeting);                           // socket.send(greeting)
            socket.sendEvent("custom-event", "parameter1", "parameter2");    // two arguments, two parameters
            socket.sendEvent("news", Map.of("hello", "world"));
            everyone(ns).sendEvent("big_news", socket, "a new socket connected: " + socket.getSessionId()); // socket.broadcast
            socket.joinRoom(ROOM);
            ns.getRoomOperations(ROOM).sendEvent("message", socket, "Hi everyone. I just joined this group");
        });
        new ClientEvents(ns, name(ns), options.quiet, () -> everyone(ns)).listen();
    }

    /** io.use: the token, and a bound on sessions; a refused handshake is answered 401. */
    private AuthorizationResult handshake(HandshakeData handshake) {
        String offered = handshake.getSingleUrlParam("token");
        String refusal = options.token != null && !options.token.equals(offered) ? (offered == null ? "no token" : "wrong token")
                : socketIo.getAllClients().size() >= options.maxSessions ? "too many sessions (--max-sessions)" : null;
        if (refusal != null) {
            LOG.warn("Refused handshake from {}: {}", handshake.getAddress(), refusal);
        }
        return refusal == null ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION : AuthorizationResult.FAILED_AUTHORIZATION;
    }

    /** io.emit's audience: every socket connected to the namespace is in the room named after it (see ConnectGate). */
    static BroadcastOperations everyone(SocketIONamespace ns) {
        return ns.getRoomOperations(ns.getName());
    }

    private static String name(SocketIONamespace ns) {
        return ns.getName().isEmpty() ? "/" : ns.getName();
    }

    /** Ctrl+C: the ticks stop, every socket hears "io server disconnect", then both servers stop. */
    public void stop() {
        ticks.shutdownNow();
        if (socketIo != null) {
            List<SocketIOClient> sockets = new ArrayList<>();
            socketIo.getAllNamespaces().forEach(ns -> sockets.addAll(everyone(ns).getClients()));
            LOG.info("Stopping: disconnecting {} socket(s)", sockets.size());
            sockets.forEach(SocketIOClient::disconnect);
            SlowStop.stop(socketIo, 1_000);
        }
        try {
            if (pages != null) {
                pages.stop();
            }
        } catch (Exception e) {
            LOG.warn("Stopping the page server failed: {}", e.toString());
        }
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + pages.port() + "/");
    }

    public URI socketIoUri() {
        return URI.create("http://" + options.host + ":" + socketIoPort + options.path);
    }

    /** Open sockets right now, over every namespace. */
    public int clients() {
        return socketIo.getAllNamespaces().stream().mapToInt(ns -> everyone(ns).getClients().size()).sum();
    }

    /** The ready lines and, for a class on the LAN, the addresses to open from other machines. */
    List<String> readyLines() {
        List<String> lines = new ArrayList<>(List.of("Listening on " + uri(), "Socket.IO on " + socketIoUri()));
        if ("0.0.0.0".equals(options.host) || "::".equals(options.host)) {
            Origins.lanAddresses().forEach(address -> lines.add("Open http://" + address + ":" + pages.port() + "/"));
        }
        return lines;
    }

    static IOException cannotListen(String host, int port, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause instanceof UnresolvedAddressException ? "unknown host" : cause.getMessage();
        return new IOException("Cannot listen on " + host + ":" + port + ": " + reason + ". Is another recipe running? --port 0 picks a free port.", e);
    }
}
