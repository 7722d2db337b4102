package io.github.wsrecipes.socketio;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
            throw new IOException(CommandLines.cannotListen(options.host, options.port, e), e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    void start(int socketIoPort, String socketIoPath) throws Exception {
        server.setHandler(StaticFiles.withSocketIoAddress(server, "recipe-04-socketio", socketIoPort, socketIoPath));
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
