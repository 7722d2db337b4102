package io.github.wsrecipes.server;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;

import jdk.net.ExtendedSocketOptions;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Recipe 01 (listing 8-1): one HTTP server on one port that serves the page at {@code /} and
 * upgrades WebSocket requests on the same path, configured like WebSocket-Node's server.
 *
 * <pre>
 * socket -> ServerConnector -> WebSocketUpgradeHandler -- upgrade? --> UpgradeGate -> EchoEndpoint
 *                                                      \-- plain GET --> ResourceHandler (webroot/)
 * </pre>
 */
public final class EchoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EchoServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer websockets;
    private final Keepalive keepalive;
    private final String host;

    private EchoServer(Server server, ServerConnector connector, ServerWebSocketContainer websockets,
            Keepalive keepalive, String host) {
        this.server = server;
        this.connector = connector;
        this.websockets = websockets;
        this.keepalive = keepalive;
        this.host = host;
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = new ServerOptions();
        CommandLine cli = new CommandLine(options);
        try {
            Integer helpShown = CommandLine.executeHelpRequest(cli.parseArgs(args));
            if (helpShown != null) {
                return;
            }
            options.validate(cli);
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            cli.usage(cli.getErr());
            System.exit(2);
        }
        options.describe().forEach(System.out::println);
        if (options.allowAnyOrigin || options.autoAcceptConnections) {
            LOG.warn("Any web page may now open a WebSocket to this server: use this for demos only");
        }

        EchoServer echo;
        try {
            echo = start(options);
        } catch (IOException e) {
            // A port in use or a host that does not resolve: one line a learner can act on.
            System.err.println("Cannot listen on " + options.host + ":" + options.port + ": " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close, "shutdown"));
        System.out.println("Listening on " + echo.uri());
        echo.server.join();
    }

    /** Starts a server with these options; the tests use this with port 0. */
    public static EchoServer start(ServerOptions options) throws Exception {
        Server server = new Server();
        ServerConnector connector = new TcpTunedConnector(server, options);
        connector.setHost(options.host);
        connector.setPort(options.port);
        server.addConnector(connector);

        Keepalive keepalive = options.keepalive && !options.useNativeKeepalive
                ? new Keepalive(options.keepaliveIntervalDuration(), options.keepaliveGraceDuration(),
                        options.dropConnectionOnKeepaliveTimeout)
                : null;
        // Jetty sends no frame above maxFrameSize, the incoming limit too: without fragmentation
        // a message still goes out in frames of that size, where WebSocket-Node would send one.
        Fragments fragments = new Fragments(options.fragmentOutgoingMessages
                ? Math.min(options.fragmentationThreshold, options.maxReceivedFrameSize)
                : options.maxReceivedFrameSize);
        UpgradeGate gate = new UpgradeGate(new AllowedOrigins(options.allowedOrigins, options.allowAnyOrigin),
                options.autoAcceptConnections,
                () -> options.assembleFragments
                        ? new MessageEchoEndpoint(keepalive, fragments)
                        : new FrameEchoEndpoint(keepalive));

        WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
            configure(container, options);
            container.addMapping("/", gate);
        });
        websockets.setHandler(staticFiles(server));
        server.setHandler(websockets);
        // On stop the peers get this long to answer our close frames. Jetty's shutdown idle timeout
        // must say the same: left at its default it timed connections out (1001 "Connection Idle
        // Timeout") before the close handshake, seen under exec:java.
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
        return new EchoServer(server, connector, websockets.getServerWebSocketContainer(), keepalive, options.host);
    }

    /** WebSocket-Node's limits, mapped onto Jetty (the README's option table explains each one). */
    private static void configure(ServerWebSocketContainer container, ServerOptions options) {
        container.setMaxFrameSize(options.maxReceivedFrameSize);
        // With auto-fragment on, Jetty would split a too-large incoming frame instead of refusing it.
        container.setAutoFragment(false);
        container.setMaxTextMessageSize(options.maxReceivedMessageSize);
        container.setMaxBinaryMessageSize(options.maxReceivedMessageSize);
        // WebSocket-Node never closes an idle connection; keepalive is what finds dead peers.
        container.setIdleTimeout(Duration.ZERO);
    }

    private static ResourceHandler staticFiles(Server server) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("webroot"));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        return files;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT/} with the port really bound. */
    public URI uri() {
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Closes every WebSocket with 1001 (going away), then stops. */
    @Override
    public void close() {
        Collection<Session> open = websockets.getOpenSessions();
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", open.size());
        // Jetty's graceful stop would close them too; saying goodbye here puts the 1001 a learner
        // reads about in the code they read.
        open.forEach(session -> session.close(StatusCode.SHUTDOWN, "server is shutting down", Callback.NOOP));
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed", e);
        } finally {
            if (keepalive != null) {
                keepalive.close();
            }
        }
    }

    /** The TCP half of table 8-1: Nagle and native keepalive are socket options, set per connection. */
    private static final class TcpTunedConnector extends ServerConnector {
        private final ServerOptions options;

        TcpTunedConnector(Server server, ServerOptions options) {
            super(server);
            this.options = options;
            setAcceptedTcpNoDelay(options.disableNagleAlgorithm);
        }

        @Override
        protected void configure(Socket socket) {
            super.configure(socket);
            if (!options.useNativeKeepalive) {
                return;
            }
            try {
                socket.setKeepAlive(true);
                // Like Node's socket.setKeepAlive(true, keepaliveInterval): first probe after the interval.
                int idleSeconds = (int) Math.max(1, options.keepaliveInterval / 1000);
                socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, idleSeconds);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.warn("TCP keepalive could not be set on {}: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        }
    }
}
