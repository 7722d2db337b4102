package io.github.wsrecipes.server;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real servers on free ports and one real Jetty client for a test; all stopped after each test.
 * Options are given as on the command line, so a test reads like the README.
 */
public final class LiveServers implements AfterEachCallback {

    private final List<EchoServer> servers = new ArrayList<>();
    private WebSocketClient client;

    /** Starts a server with these command-line options on a free port; the caller stops it. */
    public static EchoServer startOnFreePort(String... args) throws Exception {
        Options options = new Options();
        if (options.parse(args).isPresent()) {
            throw new IllegalArgumentException("not options a server starts with: " + String.join(" ", args));
        }
        options.port = 0;
        EchoServer server = new EchoServer(options);
        server.start();
        return server;
    }

    EchoServer start(String... args) throws Exception {
        EchoServer server = startOnFreePort(args);
        servers.add(server);
        return server;
    }

    /** Connects a peer without an Origin (not a browser), asking for these subprotocols. */
    Session connect(EchoServer server, Peer peer, String... protocols) throws Exception {
        return connectFrom(null, server, peer, protocols);
    }

    Session connectFrom(String origin, EchoServer server, Peer peer, String... protocols) throws Exception {
        return Peer.connect(client(), server.uri(), peer, origin, protocols);
    }

    private WebSocketClient client() throws Exception {
        if (client == null) {
            client = new WebSocketClient();
            // Large enough for every echo the tests provoke: the client's limits are not under test.
            // Its frame size stays Jetty's 64 KiB, the server's default limit.
            client.setMaxBinaryMessageSize(4 * 1024 * 1024);
            client.setMaxTextMessageSize(4 * 1024 * 1024);
            client.start();
        }
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (client != null) {
            client.stop();
            client = null;
        }
        servers.forEach(EchoServer::stop);
        servers.clear();
    }
}
