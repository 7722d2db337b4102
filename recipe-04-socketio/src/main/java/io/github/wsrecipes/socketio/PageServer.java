package io.github.wsrecipes.socketio;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The chapter's first server: the page, on its own port, apart from the Socket.IO server.
 *
 * <p>It serves {@code webroot/} and, under {@code /webjars/}, the browser client JS from the
 * socket.io-client WebJar on the classpath (never a CDN: a classroom may be offline). {@code
 * /socket-io.json} tells the page where the Socket.IO server listens, so the page works with any
 * {@code --socketio-port} and {@code --path}.
 */
final class PageServer implements AutoCloseable {

    static final String ADDRESS_PATH = "/socket-io.json";

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    /**
     * Binds the port now, so that its real number (also for --port 0) is known before the
     * Socket.IO server starts: the default allowed origins are made of it.
     */
    PageServer(String host, int port) throws Exception {
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        connector.open();
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Starts serving, telling pages to connect to this Socket.IO port and path. */
    void start(int socketIoPort, String socketIoPath) throws Exception {
        ResourceHandler files = new ResourceHandler();
        ResourceFactory resources = ResourceFactory.of(files);
        files.setBaseResource(ResourceFactory.combine(
                resources.newClassLoaderResource("webroot"),
                resources.newClassLoaderResource("META-INF/resources")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");

        // --path holds no character that needs escaping in JSON (SocketIoOptions checks it).
        String address = "{\"port\":" + socketIoPort + ",\"path\":\"" + socketIoPath + "\"}";
        server.setHandler(new Handler.Sequence(new SocketIoAddress(address), files));
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Answers {@value #ADDRESS_PATH} with the Socket.IO port and path. */
    private static final class SocketIoAddress extends Handler.Abstract.NonBlocking {
        private final String json;

        SocketIoAddress(String json) {
            this.json = json;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!ADDRESS_PATH.equals(Request.getPathInContext(request))) {
                return false;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, json, callback);
            return true;
        }
    }
}
