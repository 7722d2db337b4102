package io.github.wsrecipes.client;

import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves the browser client page (listing 8-3) from the module's {@code webroot}. The page opens
 * its WebSocket to another server (recipe 01 by default), so this one only serves files.
 */
public final class PageServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private PageServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts serving on host:port (0 = any free port); returns once it accepts connections. */
    public static PageServer start(String host, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ResourceHandler files = new ResourceHandler();
        // From the classpath, so the same page is served by exec:java and from inside the jar.
        files.setBaseResource(ResourceFactory.of(files).newClassLoaderResource("webroot"));
        files.setWelcomeFiles("index.html");
        files.setDirAllowed(false);
        server.setHandler(files);
        server.start();
        return new PageServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        return URI.create("http://" + connector.getHost() + ":" + port() + "/");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
