package io.github.wsrecipes.whiteboard;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.wsrecipes.scaleout.Relay;
import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.GoingAway;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import io.github.wsrecipes.support.UpgradeCheck;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.redisson.client.RedisException;

/**
 * Recipe 08 · a whiteboard a whole class can draw on (listings 8-15 to 8-17). The listing's server:
 * <pre>
 * var connection = request.accept('draw-protocol', request.origin);
 * connection.sendUTF('socketid_' + socketid);
 * connection.on('message', function (message) {  // to everyone whose id differs from msg.socketid
 *   for (var id in connections) if (id != JSON.parse(message.utf8Data).socketid) connections[id].sendUTF(message.utf8Data);
 * });
 * </pre>
 * Here the connection, not the socketid a page claims, decides who hears an event; events are
 * checked first, and a late joiner gets what was drawn before it came. */
public final class WhiteboardServer {

    static final String PROTOCOL = "draw-protocol";

    private final Options options;
    private Board board;
    private Server server;
    private ServerConnector connector;
    private ServerWebSocketContainer websockets;

    public WhiteboardServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Netty runs without sun.misc.Unsafe too; on JDK 24+ using it prints four warning lines (JEP 498).
        if (Runtime.version().feature() >= 24) System.getProperties().putIfAbsent("io.netty.noUnsafe", "true");
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        WhiteboardServer recipe = new WhiteboardServer(options);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::stop, "stop"));
        try {
            recipe.start();
        } catch (IOException | UnresolvedAddressException e) {
            System.err.println(CommandLines.cannotListen(options.host, options.port, e));
            System.exit(1);
        } catch (RedisException e) {
            System.err.println(CommandLines.cannotReachRedis(options.redis, e));
            System.exit(1);
        }
        System.out.println("Listening on " + recipe.uri());
        Origins.openLines(options.host, recipe.port()).forEach(System.out::println);
        recipe.server.join();
    }

    /** Builds the server top to bottom, from the socket to the board. */
    public void start() throws Exception {
        // 0. Jackson loads its parser and node classes on first use (seconds on a busy machine): now, not on the first stroke.
        DrawEvent.check("{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":1,\"pageX\":0,\"pageY\":0}".getBytes(StandardCharsets.UTF_8));

        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        server = ServerThreads.server("recipe-08-whiteboard");
        connector = ServerThreads.connector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. Upgrades on /: this machine's pages asking for draw-protocol become a DrawEndpoint on the board,
        //    kept here in memory, or with --redis shared by every node through Redis (connected now: no Redis, no start).
        board = new Board(options.history, options.redis == null ? null : new Relay(options.redis));
        Origins origins = new Origins(port(), options.allowedOrigins, options.allowAnyOrigin);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            // Past 1 KiB a message is answered with an error; past this limit it is not even read (1009).
            container.setMaxFrameSize(options.maxMessageSize);
            container.setMaxTextMessageSize(options.maxMessageSize);
            container.setMaxBinaryMessageSize(options.maxMessageSize);
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/", new UpgradeCheck(origins, PROTOCOL, () -> new DrawEndpoint(board, options)));
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 3. Every other request is a file: the page from webroot/, Pico CSS from its WebJar.
        upgrades.setHandler(StaticFiles.of(server, "recipe-08-whiteboard"));
        server.setHandler(upgrades);

        // 4. On stop, peers have the close timeout to answer the 1001 sent by stop().
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
    }

    /** Ctrl+C: every open WebSocket gets 1001, then the server stops, waiting at most the close timeout. */
    public void stop() {
        if (websockets == null) {
            return; // never started
        }
        GoingAway.stop(server, websockets, options.closeTimeout);
        board.close(); // with --redis: the Redisson client, last, once no peer can draw
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT/} with the port really bound. */
    public URI uri() {
        return URI.create("http://" + options.host + ":" + port() + "/");
    }

    /** Open WebSocket connections right now. */
    public int clients() {
        return websockets.getOpenSessions().size();
    }
}
