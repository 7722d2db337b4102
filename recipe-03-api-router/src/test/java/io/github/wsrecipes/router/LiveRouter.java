package io.github.wsrecipes.router;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free port and a real client to reach it, fresh for every test:
 * {@code @RegisterExtension final LiveRouter router = new LiveRouter();}
 */
final class LiveRouter implements BeforeEachCallback, AfterEachCallback {

    private final WebSocketClient client = new WebSocketClient();
    private RouterServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        client.start();
        server = RouterServer.start(RouterOptions.parse("--port", "0"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        client.stop();
        server.close();
    }

    /** Replaces this test's server with one that has these mounts instead of the recipe's. */
    void restartWith(MountTable mounts) throws Exception {
        server.close();
        server = RouterServer.start(RouterOptions.parse("--port", "0"), mounts);
    }

    RouterServer server() {
        return server;
    }

    URI ws(String path) {
        return URI.create("ws://localhost:" + server.port() + path);
    }

    /** An open connection to {@code /} asking for these subprotocols. */
    Peer open(String... protocols) throws Exception {
        return Peer.open(client, ws("/"), protocols);
    }

    Peer openAt(String path, String... protocols) throws Exception {
        return Peer.open(client, ws(path), protocols);
    }

    /** A connection attempt, for tests that expect a refusal. */
    CompletableFuture<Peer> connect(String path, String... protocols) throws Exception {
        return Peer.connect(client, ws(path), protocols);
    }
}
