package io.github.wsrecipes.client;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Recipe 02 · a browser WebSocket client (listing 8-3). This server only hands out the page
 * ({@code webroot/recipe-02-client/app.js}), which opens its own WebSocket to recipe 01 on port
 * 8081 of the host it came from. The listing's page, in short:
 * <pre>
 * var ws = new WebSocket('ws://localhost:8181', 'echo-protocol');
 * ws.addEventListener('message', function (e) { console.log(e.data); ws.send(JSON.stringify({ status: 'ok' })); });
 * </pre>
 */
public final class PageServer {

    private final Options options;
    private final Server server = ServerThreads.server("recipe-02-client");
    private ServerConnector connector;

    public PageServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        PageServer recipe = new PageServer(options);
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

    /** Builds the server top to bottom: a port, then files. */
    public void start() throws Exception {
        // 1. One HTTP server on one port, bound now: a port in use fails here, and port 0 gets its number.
        connector = ServerThreads.connector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        connector.open();

        // 2. Every request is a file: the page from webroot/recipe-02-client/, Pico CSS from its WebJar.
        server.setHandler(StaticFiles.of(server, "recipe-02-client"));

        // 3. No WebSocket here to say goodbye to: on stop, requests in flight get a second.
        server.setStopTimeout(1_000);
        server.start();
    }

    /** Ctrl+C: stops serving; safe when start() failed or never ran. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("Stopping the page server failed: " + e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://HOST:PORT/} with the port really bound. */
    public URI uri() {
        return URI.create("http://" + options.host + ":" + port() + "/");
    }

    /** Open HTTP connections right now (the page's WebSockets go to another server). */
    public int clients() {
        return connector.getConnectedEndPoints().size();
    }
}
