package io.github.wsrecipes.router;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recipe 03: one server, two subprotocols (listings 8-5 to 8-8). {@code echo-protocol}
 * connections get the JSON API, {@code update-protocol} connections share updates, and every
 * other request is a file of the page.
 */
public final class RouterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);

    // Jetty closes open WebSockets with 1001 (going away) on stop only when stop may take time.
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer websockets;

    private RouterServer(Server server, ServerConnector connector, ServerWebSocketContainer websockets) {
        this.server = server;
        this.connector = connector;
        this.websockets = websockets;
    }

    public static void main(String[] args) throws Exception {
        RouterOptions options = RouterOptions.parseOrExplain(args);
        if (options == null) {
            return;
        }
        System.out.println("recipe-03-api-router " + options);
        RouterServer router;
        try {
            router = start(options);
        } catch (IOException cannotListen) {
            Throwable cause = cannotListen.getCause();
            // An unknown host fails with an UnresolvedAddressException, which has no message.
            String why = cause == null ? "" : " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
            System.err.println("Cannot listen on " + options.host() + ":" + options.port() + ": " + cannotListen.getMessage() + why);
            System.exit(1);
            return;
        }
        System.out.println("Listening on " + router.uri());
        Runtime.getRuntime().addShutdownHook(new Thread(router::close, "shutdown"));
        router.server.join();
    }

    /** This recipe's mounts, as listing 8-7 mounts them: both protocols on any path. */
    public static MountTable mounts() {
        RouteTable routes = ApiRoutes.table(new ProfileStore());
        UpdateHub updates = new UpdateHub();
        LOG.info("JSON API routes: {}", routes);
        return new MountTable()
                .mount("*", "echo-protocol", () -> new ApiEndpoint(routes))
                .mount("*", "update-protocol", () -> new UpdateEndpoint(updates));
    }

    public static RouterServer start(RouterOptions options) throws Exception {
        return start(options, mounts());
    }

    /** Starts a server with these mounts; it is accepting connections when this returns. */
    public static RouterServer start(RouterOptions options, MountTable mounts) throws Exception {
        Server server = new Server();
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ResourceHandler page = new ResourceHandler();
        page.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("webroot"));
        page.setDirAllowed(false);
        page.setWelcomeFiles("index.html");
        // Upgrade requests go to the mount table; everything else falls through to the page.
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server,
                container -> container.addMapping("/", mounts));
        upgrades.setHandler(page);
        server.setHandler(upgrades);

        server.start();
        LOG.info("Mounted: {}", mounts);
        return new RouterServer(server, connector, upgrades.getServerWebSocketContainer());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT/}, with the real port; the WebSocket URL is the same with ws. */
    public URI uri() {
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Stops the server; open WebSockets are closed with 1001 first. */
    @Override
    public void close() {
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", websockets.getOpenSessions().size());
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed: {}", e.toString());
        }
    }
}
