package io.github.wsrecipes.router;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.wsrecipes.router.RouteTable.Reply;

/**
 * Recipe 03 · routing by subprotocol and by JSON path (listings 8-5 to 8-8), in short: <pre>
 * router.mount('*', 'echo-protocol', function (request) { var connection = request.accept(request.origin); … });
 * router.mount('*', 'update-protocol', function (request) { … });   // any other protocol: refused
 * connection.on('message', function (message) {
 *     var rt = JSON.parse(message.utf8Data);
 *     switch (rt.path) {
 *         case 'route_a': console.log('something cool on route a'); break;
 *         case 'route_b': console.log('something cool on route b', rt.action); break;
 *         default: console.log('Received Message: ' + message.utf8Data);
 *     } });               // listing 8-6: {route: '/user/profile', action: 'PUT', body: {…}}</pre>
 */
public final class RouterServer {

    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);
    private final Options options;
    private final Endpoint.Updates.Members updates = new Endpoint.Updates.Members();
    private final ProfileStore profile = new ProfileStore();
    private RouteTable routes;
    MountTable router; // tests mount more
    private Server server;
    private ServerConnector connector;
    private ServerWebSocketContainer websockets;

    public RouterServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        RouterServer recipe = new RouterServer(options);
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

    /** Builds the server top to bottom, from the socket to the routes. */
    public void start() throws Exception {
        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        server = new Server(new QueuedThreadPool(16, 2));
        connector = new ServerConnector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. router.mount('*', protocol, …): the protocol an upgrade asks for picks its endpoint,
        //    once its page is one of this machine's. 3. Any other protocol: 403 "protocol not acceptable".
        router = new MountTable(new Origins(port(), options.allowedOrigins, options.allowAnyOrigin))
                .mount("*", "echo-protocol", () -> new Endpoint.Api(routes, options))
                .mount("*", "update-protocol", () -> new Endpoint.Updates(updates, options));
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(options.maxMessageSize);
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/", router);
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 4. Listing 8-5's switch (rt.path), one line per route; a route not here answers 404.
        routes = new RouteTable()
                .on("route_a", "*", request -> Reply.ok(Reply.message("something cool on route a")))
                .on("route_b", "update", request -> Reply.ok(Reply.message("something cool on route b").set("received", request.body())))
                .on("/user/profile", "GET", profile::get)
                .on("/user/profile", "POST", profile::post)
                .on("/user/profile", "PUT", profile::put)
                .on("/user/profile", "DELETE", profile::delete);

        // 5. Every other request is a file: the page from webroot/, Pico CSS from its WebJar.
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.combine(resources.newClassLoaderResource("webroot/recipe-03-api-router/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        upgrades.setHandler(files);
        server.setHandler(upgrades);

        // 6. On stop, peers have the close timeout to answer the 1001 sent by stop().
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
    }

    /** Ctrl+C: every open WebSocket gets 1001, then the server stops, waiting at most the close timeout. */
    public void stop() {
        if (websockets == null) {
            return; // never started
        }
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", websockets.getOpenSessions().size());
        websockets.getOpenSessions().forEach(session -> session.close(StatusCode.SHUTDOWN, "server is shutting down", Callback.NOOP));
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
