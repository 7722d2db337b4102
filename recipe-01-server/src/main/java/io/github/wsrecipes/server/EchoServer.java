package io.github.wsrecipes.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
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
    private Origins origins;
    private Keepalive keepalive;
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
        recipe.readyLines().forEach(System.out::println);
        recipe.server.join();
    }

    public void start() throws Exception {
        // 1. http.createServer + listen: one HTTP server on one port, bound now (a port in use fails here).
        server = new Server(new QueuedThreadPool(16, 2));
        connector = Keepalive.connector(server, options); // TCP keepalive if useNativeKeepalive
        connector.setAcceptedTcpNoDelay(options.disableNagleAlgorithm);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. new WebSocketServer({ httpServer, autoAcceptConnections: false }): each upgrade on / to accept().
        origins = new Origins(connector.getLocalPort(), options.allowedOrigins, options.allowAnyOrigin || options.autoAcceptConnections);
        keepalive = options.keepalive && !options.useNativeKeepalive ? new Keepalive(options, server.getScheduler()) : null;
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            options.limit(container);
            container.addMapping("/", this::accept);
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 3. The HTTP server's handler: any other request is a file (the page's folder, then the WebJars) or a 404.
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.combine(resources.newClassLoaderResource("webroot/recipe-01-server/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        upgrades.setHandler(files);
        server.setHandler(upgrades);

        // 4. closeTimeout: on stop, how long a peer may take to let the 1001 of stop() through.
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
    }

    /** wsServer.on('request'): log the handshake, check origin and protocol, then accept or answer 403. */
    private Object accept(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String peer = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
        LOG.info("{}", Handshake.describe(peer, request.getHeaders()));
        String origin = request.getHeaders().get("Origin");
        String refused = !origins.allows(origin) ? "origin " + PeerText.of(origin) + " is not allowed" // originIsAllowed()
                : request.hasSubProtocol("echo-protocol") || options.autoAcceptConnections ? null
                : "subprotocol " + PeerText.of(String.valueOf(request.getSubProtocols())) + " is not acceptable, this server speaks echo-protocol";
        if (refused != null) { // request.reject()
            LOG.warn("Rejected {}: {}", peer, refused);
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, refused);
            return null;
        }
        // request.accept('echo-protocol'): named back, else the client must fail the socket (autoAccept: none)
        response.setAcceptedSubProtocol(request.hasSubProtocol("echo-protocol") ? "echo-protocol" : null);
        // connect: 'yo'; message: the echo, of whole messages or frame by frame; close: one log line
        return options.assembleFragments ? new EchoEndpoint.Messages(options, keepalive) : new EchoEndpoint.Frames(options, keepalive);
    }

    /** Ctrl+C: every open WebSocket gets 1001, then the server stops, waiting at most the close timeout. */
    public void stop() {
        if (websockets == null) {
            return; // never started
        }
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", clients());
        websockets.getOpenSessions().forEach(session -> session.close(StatusCode.SHUTDOWN, "server is shutting down",
                org.eclipse.jetty.websocket.api.Callback.NOOP));
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed: {}", e.toString());
        }
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + connector.getLocalPort() + "/");
    }

    public int clients() {
        return websockets.getOpenSessions().size();
    }

    List<String> readyLines() {
        List<String> lan = "0.0.0.0".equals(options.host) || "::".equals(options.host) ? Origins.lanAddresses() : List.of();
        return Stream.concat(Stream.of("Listening on " + uri()),
                lan.stream().map(address -> "Open http://" + address + ":" + connector.getLocalPort() + "/")).toList();
    }
}
