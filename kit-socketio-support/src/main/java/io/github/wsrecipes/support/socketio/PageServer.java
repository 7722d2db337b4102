package io.github.wsrecipes.support.socketio;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.LoggerFactory;

/**
 * The chapter's first server, beside the Socket.IO one: the page, the WebJars (Pico CSS, the browser
 * client) and {@code /socket-io.json}, which tells the page where the Socket.IO server listens.
 */
public final class PageServer {

    private final Server server = ServerThreads.server("pages");
    private final ServerConnector connector = ServerThreads.connector(server);

    /** Binds the port now: a port in use fails here, in the kit's words, and port 0 gets its number before the origin rule is made. */
    public PageServer(String host, int port) throws IOException {
        connector.setHost(host);
        connector.setPort(port);
        connector.setReuseAddress(true);
        connector.setIdleTimeout(10_000); // an unfinished HTTP request is cut after 10 s
        server.addConnector(connector);
        try {
            connector.open();
        } catch (IOException | UnresolvedAddressException e) {
            throw new IOException(CommandLines.cannotListen(host, port, e), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Serves {@code webroot/<recipe>/}, the WebJars and where the Socket.IO server listens, so any port works. */
    public void start(String recipe, int socketIoPort, String socketIoPath) throws Exception {
        String address = "{\"port\":" + socketIoPort + ",\"path\":\"" + socketIoPath + "\"}"; // each recipe's Options checks the path
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
        server.setHandler(new Handler.Sequence(socketIoJson, StaticFiles.of(server, recipe)));
        server.setStopTimeout(1_000); // no WebSocket here to say goodbye to
        server.start();
    }

    /** Stops serving and frees the port; safe when it never started. */
    public void stop() {
        try {
            server.stop();
            connector.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(PageServer.class).warn("Stopping the page server failed: {}", e.toString());
        }
    }
}
