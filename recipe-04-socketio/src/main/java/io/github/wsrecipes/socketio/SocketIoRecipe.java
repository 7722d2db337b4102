package io.github.wsrecipes.socketio;

import static io.github.wsrecipes.socketio.ClientEvents.everyone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.socketio.PageServer;
import io.github.wsrecipes.support.socketio.QuickStop;
import io.github.wsrecipes.support.socketio.RequestGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.ChannelFuture;

/**
 * Recipe 04 · Socket.IO namespaces, rooms, broadcast, middleware (listings 8-9, 8-10, the Socket.IO chapter):
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
    private SocketIOServer io;
    private int ioPort;

    public SocketIoRecipe(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Netty runs without sun.misc.Unsafe too; on JDK 24+ using it prints four warning lines (JEP 498).
        if (Runtime.version().feature() >= 24) System.getProperties().putIfAbsent("io.netty.noUnsafe", "true");
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
        System.out.println("Listening on " + recipe.uri());
        System.out.println("Socket.IO on " + recipe.socketIoUri());
        Origins.openLines(options.host, recipe.pages.port()).forEach(System.out::println);
        Thread.currentThread().join();
    }

    public void start() throws Exception {
        // 1. The page server: the page, Pico CSS and the browser client; bound now, so port 0 gets its number.
        pages = new PageServer(options.host, options.port);
        // 2. The Socket.IO server on its own port and path; io.origins on every request, io.use on every handshake.
        io = new SocketIOServer(Middleware.config(options, () -> io.getAllClients().size()));
        io.setPipelineFactory(new RequestGuard(new IoOrigins(pages.port(), options.origins), options.path));
        // 3. io.on('connection'): the default namespace '/'.
        chapterNamespace(io.getNamespace(""), "Hi, from server");
        // 4. io.of('/custom-namespace'): the same with its own greeting; its rooms are its own.
        chapterNamespace(io.addNamespace("/custom-namespace"), "Hi, from custom-namespace");
        // 5. io.of('/users'): one event for the newcomer alone, one for the whole namespace.
        SocketIONamespace users = io.addNamespace("/users");
        users.addConnectListener(socket -> {
            LOG.info("{} connected to /users", socket.getSessionId());
            socket.sendEvent("user message", Map.of("that", "only", "/users", "will get"));
            everyone(users).sendEvent("users message", Map.of("everyone", "in", "/users", "will get"));
        });
        ChannelFuture bound = ((ChannelFuture) io.startAsync()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException(CommandLines.cannotListen(options.host, options.socketIoPort, bound.cause()), bound.cause());
        }
        ioPort = ((InetSocketAddress) bound.channel().localAddress()).getPort();
        pages.start("recipe-04-socketio", ioPort, options.path);
        // 6. The two setIntervals: two events to each namespace, two to the room of each.
        ticks.scheduleAtFixedRate(() -> List.of(io.getNamespace(""), io.getNamespace("/custom-namespace")).forEach(ns -> {
            everyone(ns).sendEvent("custom-event-2", ConnectGate::pending);                           // io.emit(…)
            everyone(ns).sendEvent("message", ConnectGate::pending, "Hello Everyone. What's up!!!");  // io.send(…)
            ns.getRoomOperations(ROOM).sendEvent("message", "Hello to everyone in this group");
            ns.getRoomOperations(ROOM).sendEvent("custom-event-3");
        }), options.tickMillis, options.tickMillis, TimeUnit.MILLISECONDS);
    }

    private void chapterNamespace(SocketIONamespace ns, String greeting) {
        ns.addConnectListener(socket -> {
            if (ConnectGate.tooEarly(socket)) {
                return;
            }
            LOG.info("{} connected to {}", socket.getSessionId(), ClientEvents.name(ns));
            socket.sendEvent("message", greeting);                          // socket.send(greeting)
            socket.sendEvent("custom-event", "parameter1", "parameter2");   // two arguments, two parameters
            socket.sendEvent("news", Map.of("hello", "world"));
            everyone(ns).sendEvent("big_news", ConnectGate.allBut(socket), "a new socket connected: " + socket.getSessionId());
            socket.joinRoom(ROOM);
            ns.getRoomOperations(ROOM).sendEvent("message", socket, "Hi everyone. I just joined this group");
        });
        ClientEvents.listen(ns, options.quiet);
    }

    /** Ctrl+C: the ticks stop, every socket hears "io server disconnect", then both servers stop. */
    public void stop() {
        ticks.shutdownNow();
        if (io != null) {
            QuickStop.stop(io, ConnectGate.sockets(io));
            pages.stop();
        }
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + pages.port() + "/");
    }

    public URI socketIoUri() {
        return URI.create("http://" + options.host + ":" + ioPort + options.path);
    }

    /** Sockets connected right now, over every namespace. */
    public int clients() {
        return ConnectGate.sockets(io).size();
    }
}
