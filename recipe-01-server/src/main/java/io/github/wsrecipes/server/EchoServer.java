package io.github.wsrecipes.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collection;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(EchoServer.class);

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
            System.err.println(options.cannotListen(e));
            System.exit(1);
        }
        System.out.println("Listening on " + recipe.uri());
        Origins.openLines(options.host, recipe.port()).forEach(System.out::println);
        recipe.server.join();
    }

    /** Builds the server top to bottom, in the order of listing 8-1. */
    public void start() throws Exception {
        // 1. http.createServer + listen: one HTTP server on one port, bound now (a port in use fails here).
        server = new Server(new QueuedThreadPool(16, 2));
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
        upgrades.setHandler(staticFiles());
        server.setHandler(upgrades);

        // 4. closeTimeout: on stop, how long a peer may take to let the 1001 of stop() through.
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
    }

    private ResourceHandler staticFiles() {
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        // The recipe's own folder (recipes may share one JVM), then every WebJar's files.
        files.setBaseResource(ResourceFactory.combine(resources.newClassLoaderResource("webroot/recipe-01-server/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        return files;
    }

    /** Ctrl+C: every open WebSocket gets 1001, then the server stops, waiting at most the close timeout. */
    public void stop() {
        if (websockets == null) {
            return; // never started
        }
        Collection<Session> open = websockets.getOpenSessions();
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", open.size());
        open.forEach(session -> session.close(StatusCode.SHUTDOWN, "server is shutting down", Callback.NOOP));
        try {
            // Jetty drops a connection once its 1001 is written; a peer that stops reading holds that back: wait, up to the close timeout.
            long deadline = System.nanoTime() + options.closeTimeout * 1_000_000;
            while (!websockets.getOpenSessions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed: {}", e.toString());
        }
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
