package io.github.wsrecipes.events;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;

import io.github.wsrecipes.support.Backlog;
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

/**
 * Recipe 06 · pushing server events to every client (listing 8-12). The original, in short:
 * <pre>
 * wsServer.on('request', function (r) {
 *   var connection = r.accept('echo-protocol', r.origin);
 *   conns.push(connection);          // never removed
 *   setInterval(pingClients, 5e3);   // one more timer per connection
 *   connection.on('message', function (m) { console.log('Received Message: ' + m.utf8Data); });
 * });
 * </pre>
 * Here one {@link Ticker} pushes to the open clients only; {@code --broken} runs the original's shape.
 */
public final class PushServer {

    static final String PROTOCOL = "echo-protocol";

    private final Options options;
    private Server server;
    private ServerConnector connector;
    private ServerWebSocketContainer websockets;
    private ClientEndpoint.Clients clients;

    public PushServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        PushServer recipe = new PushServer(options);
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

    /** Builds the server top to bottom, from the socket to the one timer's pushes. */
    public void start() throws Exception {
        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        server = ServerThreads.server("recipe-06-server-events");
        connector = ServerThreads.connector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        connector.setAcceptedSendBufferSize(16 * 1024); // what a client leaves unread waits in its Backlog, not in MBs of kernel buffer
        server.addConnector(connector);
        connector.open();

        // 2. Who gets the pushes: the registry of open clients and its one timer, started now (or the original's leak).
        clients = options.broken ? new TimerPerConnection(options.interval) : new Ticker(options);

        // 3. Upgrades on /: this machine's pages asking for echo-protocol become a ClientEndpoint.
        Origins origins = new Origins(port(), options.allowedOrigins, options.allowAnyOrigin);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10)); // the pushes keep a listening client busy
            UpgradeCheck check = new UpgradeCheck(origins, PROTOCOL, () -> new ClientEndpoint(clients, options.quiet));
            container.addMapping("/", (request, response, callback) -> {
                response.setExtensions(List.of()); // no compression: every client gets the very bytes encoded once
                return check.createWebSocket(request, response, callback);
            });
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 4. Every other request is a file: the page from webroot/, Pico CSS and Chart.js from their WebJars.
        upgrades.setHandler(StaticFiles.of(server, "recipe-06-server-events"));
        server.setHandler(upgrades);

        // 5. On stop, peers have the close timeout to answer the 1001 sent by stop().
        server.setStopTimeout(options.closeTimeout);
        connector.setShutdownIdleTimeout(options.closeTimeout);
        server.start();
    }

    /** Ctrl+C: no more pushes, every open WebSocket gets 1001, then the server stops within the close timeout. */
    public void stop() {
        if (websockets == null) {
            return; // never started
        }
        clients.stop();
        GoingAway.stop(server, websockets, options.closeTimeout);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT/} with the port really bound. */
    public URI uri() {
        return URI.create("http://" + options.host + ":" + port() + "/");
    }

    public int clients() {
        return clients.count(); // the clients the pushes go to now; with --broken, every connection ever made
    }
}
