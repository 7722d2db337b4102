package io.github.wsrecipes.socketio;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The chapter's first server, apart from the Socket.IO one: the page, the WebJars (Pico CSS, the
 * browser client) and {@code /socket-io.json}, which tells the page where the Socket.IO server listens.
 */
final class PageServer {

    private final Server server = new Server(new QueuedThreadPool(16, 2));
    private final ServerConnector connector = new ServerConnector(server);

    /** Binds the port now: a port in use fails here, and port 0 gets its number before the origin rule is made. */
    PageServer(Options options) throws IOException {
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException | UnresolvedAddressException e) {
            throw options.cannotListen(options.port, e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    void start(int socketIoPort, String socketIoPath) throws Exception {
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        // The recipe's own folder (recipes may share one JVM), then every WebJar's files.
        files.setBaseResource(ResourceFactory.combine(resources.newClassLoaderResource("webroot/recipe-04-socketio/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        String address = "{\"port\":" + socketIoPort + ",\"path\":\"" + socketIoPath + "\"}"; // Options checks the path
        Handler socketIoJson = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"/socket-io.json".equals(Request.getPathInContext(request))) {
                    return false;
                }
                response.getHeaders().put("Content-Type", "application/json");
                Content.Sink.write(response, true, address, callback);
                return true;
            }
        };
        server.setHandler(new Handler.Sequence(socketIoJson, files));
        server.setStopTimeout(1_000);
        server.start();
    }

    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the page server did not stop", e);
        }
    }
}
