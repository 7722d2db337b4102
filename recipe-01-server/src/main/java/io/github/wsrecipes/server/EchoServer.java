package io.github.wsrecipes.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.GoingAway;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** Recipe 01 · a configurable WebSocket server: listing 8-1, in short, with table 8-1's options. <pre>
 * var server = http.createServer(…); server.listen(8080);
 * var wsServer = new WebSocketServer({ httpServer: server, autoAcceptConnections: false });
 * wsServer.on('request', function (request) {
 *   if (!originIsAllowed(request.origin)) { request.reject(); return; }
 *   var connection = request.accept('echo-protocol', request.origin);
 *   connection.on('message', function (message) { connection.sendUTF(message.utf8Data); });
 *   connection.on('close', function (reasonCode, description) { console.log(… + ' disconnected.'); });
 * });
 * wsServer.on('connect', function (connection) { connection.sendUTF('yo'); });</pre> */
public final class EchoServer {

    private final Options options;
    private Server server;
    private ServerConnector connector;
    private ServerWebSocketContainer websockets;

    public EchoServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        EchoServer recipe = new EchoServer(options);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::stop, "stop"));
        try {
            recipe.start();
        } catch (IOException | UnresolvedAddressException e) {
            System.err.println(CommandLines.cannotListen(options.host, options.port, e));
            System.exit(1);
        }
        System.out.println("Listening on " + recipe.uri());
        Origins.openLines(options.host, recipe.port()).forEach(System.out::println);
        recipe.server.join();
    }

    /** Builds the server top to bottom, in the order of listing 8-1. */
    public void start() throws Exception {
        // 1. http.createServer + listen: one HTTP server on one port, bound now (a port in use fails here).
        server = ServerThreads.server("recipe-01-server");
        connector = Keepalive.connector(server, options); // TCP keepalive probes under useNativeKeepalive
        connector.setAcceptedTcpNoDelay(options.disableNagleAlgorithm);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. new WebSocketServer({ httpServer, autoAcceptConnections: false }): every upgrade on / meets the 'request' check.
        Origins origins = new Origins(port(), options.allowedOrigins, options.allowAnyOrigin || options.autoAcceptConnections);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            options.limit(container);
            // connect: 'yo'; message: the echo, of whole messages or frame by frame; close: one log line
            container.addMapping("/", new UpgradeCheck(origins, options.autoAcceptConnections, () -> options.assembleFragments
                    ? new EchoEndpoint.Messages(options, server.getScheduler()) : new EchoEndpoint.Frames(options, server.getScheduler())));
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 3. The HTTP server's handler: any other request is a file (the page, then the WebJars) or a 404.
        upgrades.setHandler(StaticFiles.of(server, "recipe-01-server"));
        server.setHandler(upgrades);

        // 4. closeTimeout: on stop, how long a peer may take to let the 1001 of stop() through.
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
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + port() + "/");
    }

    public int clients() {
        return websockets.getOpenSessions().size();
    }
}
