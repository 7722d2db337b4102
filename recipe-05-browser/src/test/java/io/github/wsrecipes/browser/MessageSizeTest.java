package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --max-message-size: a message up to the limit is echoed, one byte more closes with 1009. */
class MessageSizeTest {

    private static final int LIMIT = 1024;

    private final WebSocketClient client = new WebSocketClient();
    private BrowserEchoServer server;

    @BeforeEach
    void start() throws Exception {
        Options options = new Options();
        options.parse("--port", "0", "--max-message-size", String.valueOf(LIMIT));
        server = new BrowserEchoServer(options);
        server.start();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
    }

    @Test
    void aBinaryMessageAtTheLimitIsEchoedAndOneByteMoreClosesWith1009() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendBinary(ByteBuffer.allocate(LIMIT), Callback.NOOP);
        assertThat((byte[]) peer.next()).hasSize(LIMIT);
        session.sendBinary(ByteBuffer.allocate(LIMIT + 1), Callback.NOOP);

        assertThat(peer.closeStatus()).startsWith("1009");
    }

    @Test
    void aCompressedMessageIsMeasuredAfterDecompression() throws Exception {
        Peer peer = new Peer.Messages();
        ClientUpgradeRequest request = new ClientUpgradeRequest(Peer.ws(server.uri()));
        request.setSubProtocols("echo-protocol");
        request.addExtensions("permessage-deflate"); // as browsers ask: 64 KiB of zeros fits in a few bytes
        Session session = client.connect(peer, request).get(5, TimeUnit.SECONDS);
        assertThat(session.getUpgradeResponse().getExtensions()).extracting(ExtensionConfig::getName).containsExactly("permessage-deflate");

        session.sendBinary(ByteBuffer.allocate(64 * LIMIT), Callback.NOOP);

        assertThat(peer.closeStatus()).startsWith("1009");
    }

    @Test
    void aTextMessageOverTheLimitClosesWith1009() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendText("x".repeat(LIMIT + 1), Callback.NOOP);

        assertThat(peer.closeStatus()).startsWith("1009");
    }
}
