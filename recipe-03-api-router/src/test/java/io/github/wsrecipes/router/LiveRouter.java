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
public final class LiveRouter implements BeforeEachCallback, AfterEachCallback {

    private final WebSocketClient client = new WebSocketClient();
    private final String[] args;
    private RouterServer server;

    public LiveRouter(String... extraArgs) {
        this.args = extraArgs;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        client.start();
        server = start(args);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        client.stop();
        server.stop();
    }

    /** A server of the recipe on a free port, with these options beside {@code --port 0}. */
    public static RouterServer start(String... extraArgs) throws Exception {
        Options options = new Options();
        String[] args = new String[extraArgs.length + 2];
        args[0] = "--port";
        args[1] = "0";
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        if (options.parse(args).isPresent()) {
            throw new IllegalArgumentException("bad test options");
        }
        RouterServer server = new RouterServer(options);
        server.start();
        return server;
    }

    public RouterServer server() {
        return server;
    }

    public WebSocketClient client() {
        return client;
    }

    public URI ws(String path) {
        return URI.create("ws://localhost:" + server.port() + path);
    }

    /** An open connection to {@code /} asking for these subprotocols. */
    public Peer open(String... protocols) throws Exception {
        return Peer.open(client, ws("/"), protocols);
    }

    public Peer openAt(String path, String... protocols) throws Exception {
        return Peer.open(client, ws(path), protocols);
    }

    /** A connection attempt, for tests that expect a refusal. */
    public CompletableFuture<Peer> connect(String path, String... protocols) throws Exception {
        return Peer.connect(client, ws(path), protocols);
    }
}
