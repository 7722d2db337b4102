package io.github.wsrecipes.socketio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.ChannelFuture;
import picocli.CommandLine;

/**
 * The recipe: a page server and a netty-socketio server started together, as the chapter ran an
 * HTTP server and a Socket.IO server side by side.
 */
public final class SocketIoRecipe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SocketIoRecipe.class);

    private final PageServer pages;
    private final SocketIOServer socketIo;
    private final int socketIoPort;
    private final Ticker ticker;
    private final List<String> origins;

    private SocketIoRecipe(PageServer pages, SocketIOServer socketIo, int socketIoPort, Ticker ticker, List<String> origins) {
        this.pages = pages;
        this.socketIo = socketIo;
        this.socketIoPort = socketIoPort;
        this.ticker = ticker;
        this.origins = origins;
    }

    public static void main(String[] args) throws Exception {
        SocketIoOptions options = new SocketIoOptions();
        CommandLine cli = new CommandLine(options);
        try {
            if (CommandLine.printHelpIfRequested(cli.parseArgs(args))) {
                return;
            }
            options.check(cli);
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            cli.usage(cli.getErr());
            System.exit(2);
        }
        SocketIoRecipe recipe;
        try {
            recipe = start(options);
        } catch (IOException e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(options.describe(recipe.origins));
        System.out.println("Listening on http://" + options.host + ":" + recipe.pagePort() + "/");
        System.out.println("Socket.IO on http://" + options.host + ":" + recipe.socketIoPort() + options.path);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::close, "shutdown"));
        Thread.currentThread().join();
    }

    /** Starts both servers; the returned recipe is accepting connections. */
    public static SocketIoRecipe start(SocketIoOptions options) throws Exception {
        PageServer pages = new PageServer(options.host, options.port);
        List<String> origins = options.origins.isEmpty() ? pageOrigins(options.host, pages.port()) : options.origins;

        Configuration config = new Configuration();
        config.setHostname(options.host);      // loopback unless --host says otherwise
        config.setPort(options.socketIoPort);
        config.setContext(options.path);       // Node's `path` option
        config.setAuthorizationListener(new HandshakeCheck(options.token, origins));
        // netty-socketio otherwise reuses the session id a handshake offers in an `io` cookie (which it
        // sets itself over polling, for the whole host: every port of localhost). Two tabs, or anyone
        // who read an id from big_news, would then share one session and its rooms. Node gives every
        // handshake a fresh id; so do we.
        config.setRandomSession(true);
        SocketIOServer socketIo = new SocketIOServer(config);

        List<ChapterNamespace> chapter = List.of(
                new ChapterNamespace(socketIo.getNamespace(""), "Hi, from server"),
                new ChapterNamespace(socketIo.addNamespace("/custom-namespace"), "Hi, from custom-namespace"));
        new UsersNamespace(socketIo.addNamespace(UsersNamespace.NAME));

        // netty-socketio hands back Netty's bind future; its channel knows the real port (--socketio-port 0).
        ChannelFuture bound = (ChannelFuture) socketIo.startAsync();
        if (!bound.awaitUninterruptibly().isSuccess()) {
            socketIo.stop();
            pages.close();
            throw new IOException("Socket.IO server cannot listen on " + options.host + ":" + options.socketIoPort
                    + ": " + bound.cause().getMessage(), bound.cause());
        }
        int socketIoPort = ((InetSocketAddress) bound.channel().localAddress()).getPort();

        pages.start(socketIoPort, options.path);
        return new SocketIoRecipe(pages, socketIo, socketIoPort, new Ticker(options.tickMillis, chapter), origins);
    }

    /** The default for --origins: pages served by our own page server, however the browser named it. */
    private static List<String> pageOrigins(String host, int pagePort) {
        List<String> origins = new ArrayList<>(List.of("localhost:" + pagePort, "127.0.0.1:" + pagePort));
        if (!origins.contains(host + ":" + pagePort)) {
            origins.add(host + ":" + pagePort);
        }
        return origins;
    }

    public int pagePort() {
        return pages.port();
    }

    public int socketIoPort() {
        return socketIoPort;
    }

    /** Stops the pushes, disconnects every socket (so each sees a clean server disconnect), then both servers. */
    @Override
    public void close() {
        ticker.close();
        // Every socket of every namespace hears "io server disconnect" (see ChapterNamespace#everyone
        // for why the sockets connected to a namespace are those in the room named after it).
        List<SocketIOClient> sockets = socketIo.getAllNamespaces().stream()
                .flatMap(namespace -> namespace.getRoomOperations(namespace.getName()).getClients().stream()).toList();
        log.info("Stopping: disconnecting {} socket(s), then both servers", sockets.size());
        sockets.forEach(SocketIOClient::disconnect);
        socketIo.stop();
        try {
            pages.close();
        } catch (Exception e) {
            throw new IllegalStateException("page server did not stop", e);
        }
    }
}
