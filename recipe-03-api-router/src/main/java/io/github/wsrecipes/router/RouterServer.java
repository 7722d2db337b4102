package io.github.wsrecipes.router;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.GoingAway;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

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
            System.err.println(CommandLines.cannotListen(options.host, options.port, e));
            System.exit(1);
        }
        System.out.println("Listening on " + recipe.uri());
        Origins.openLines(options.host, recipe.port()).forEach(System.out::println);
        recipe.server.join();
    }

    /** Builds the server top to bottom, from the socket to the routes. */
    public void start() throws Exception {
        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        server = ServerThreads.server("recipe-03-api-router");
        connector = ServerThreads.connector(server);
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
        upgrades.setHandler(StaticFiles.of(server, "recipe-03-api-router"));
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
