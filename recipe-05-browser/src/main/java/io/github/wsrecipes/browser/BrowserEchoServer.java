package io.github.wsrecipes.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

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
 * Recipe 05 · the browser WebSocket API (listing 8-11). The page is the lesson; this server
 * hands it out and echoes back whatever it sends, so that every member of the browser's
 * {@code WebSocket} has something to show. The listing's page, in short:
 *
 * <pre>
 * var ws = new WebSocket('ws://localhost:8181', 'echo-protocol');
 * ws.onopen = function (e) { console.log(ws.readyState, ws.protocol, ws.url); };
 * ws.onmessage = function (e) { console.log(e.data); };   // string, Blob or ArrayBuffer
 * ws.binaryType = 'arraybuffer';
 * ws.send(canvasImageData.data.buffer);  console.log(ws.bufferedAmount);
 * ws.onclose = function (e) { console.log(e.code, e.reason, e.wasClean); };
 * </pre>
 */
public final class BrowserEchoServer {

    static final String PROTOCOL = "echo-protocol";

    private final Options options;
    private Server server;
    private ServerConnector connector;
    private ServerWebSocketContainer websockets;

    public BrowserEchoServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        BrowserEchoServer recipe = new BrowserEchoServer(options);
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

    /** Builds the server top to bottom, from the socket to the echo. */
    public void start() throws Exception {
        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        server = ServerThreads.server("recipe-05-browser");
        connector = ServerThreads.connector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. Upgrades on /: this machine's pages asking for echo-protocol become an EchoEndpoint.
        Origins origins = new Origins(port(), options.allowedOrigins, options.allowAnyOrigin);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            // A browser sends a message as one frame: the frame limit is the message limit.
            container.setMaxFrameSize(options.maxMessageSize);
            container.setMaxTextMessageSize(options.maxMessageSize);
            container.setMaxBinaryMessageSize(options.maxMessageSize);
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/", new UpgradeCheck(origins, PROTOCOL, () -> new EchoEndpoint(options.quiet)));
        });
        websockets = upgrades.getServerWebSocketContainer();

        // 3. Every other request is a file: the page from webroot/, Pico CSS from its WebJar.
        upgrades.setHandler(StaticFiles.of(server, "recipe-05-browser"));
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
