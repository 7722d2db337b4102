package io.github.wsrecipes.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A stand-in for recipe 01's server (recipes never depend on each other): accepts only
 * {@code echo-protocol} (anything else gets 403), says {@code yo}, echoes text and binary, and
 * keeps what arrived and how the connection ended so tests can look.
 */
public final class EchoServerForTests implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<Integer> binarySizes = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final List<Integer> textFrameSizes = new CopyOnWriteArrayList<>();
    private final List<String> origins = new CopyOnWriteArrayList<>();
    private final String greeting;

    private EchoServerForTests(int port, SslContextFactory.Server tls, String greeting) throws Exception {
        this.greeting = greeting;
        server = new Server();
        connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping("/",
                (request, response, callback) -> {
                    origins.add(String.valueOf(request.getHeaders().get("Origin")));
                    if (!request.hasSubProtocol("echo-protocol")) {
                        response.setStatus(403);
                        callback.succeeded();
                        return null;
                    }
                    response.setAcceptedSubProtocol("echo-protocol");
                    return new Echo();
                })));
        server.setStopTimeout(1000);
        server.start();
    }

    public static EchoServerForTests start() throws Exception {
        return start(0);
    }

    public static EchoServerForTests start(int port) throws Exception {
        return new EchoServerForTests(port, null, "yo");
    }

    /** Greets with this text instead of {@code yo}. */
    public static EchoServerForTests startGreeting(String greeting) throws Exception {
        return new EchoServerForTests(0, null, greeting);
    }

    /** The same over TLS ({@code wss://}), with the certificate in this PKCS12 key store. */
    public static EchoServerForTests startTls(Path keyStore, String password) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStorePassword(password);
        return new EchoServerForTests(0, tls, "yo");
    }

    public URI uri() {
        String scheme = connector.getDefaultProtocol().startsWith("SSL") ? "wss" : "ws";
        return URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    /** Text messages received, in order. */
    public List<String> texts() {
        return texts;
    }

    public List<Integer> binarySizes() {
        return binarySizes;
    }

    /** Sizes of the text frames received (characters: the tests send ASCII), to see fragmentation. */
    public List<Integer> textFrameSizes() {
        return textFrameSizes;
    }

    /** The Origin header of each upgrade request ("null" when there was none). */
    public List<String> origins() {
        return origins;
    }

    /** Close codes of the connections that ended, as the server saw them. */
    public List<Integer> closeCodes() {
        return closeCodes;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One connection. */
    public final class Echo implements Session.Listener.AutoDemanding {

        private final StringBuilder message = new StringBuilder();
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            session.sendText(greeting, Callback.NOOP);
        }

        // Partial text shows each frame as it arrives, so tests can see how the client fragmented.
        @Override
        public void onWebSocketPartialText(String fragment, boolean last) {
            textFrameSizes.add(fragment.length());
            message.append(fragment);
            if (last) {
                texts.add(message.toString());
                session.sendText(message.toString(), Callback.NOOP);
                message.setLength(0);
            }
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            binarySizes.add(payload.remaining());
            session.sendBinary(payload, callback);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closeCodes.add(statusCode);
            callback.succeed();
        }
    }
}
