package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that sends and never reads: the echo waits for each reply to be written before it
 * reads the next message, so the server soon reads nothing more from it and holds at most one
 * message for it, however much it tries to send.
 */
class StuckReaderTest {

    private static final int MESSAGE = 1024 * 1024;
    private static final long TRIES_TO_SEND = 160L * MESSAGE;
    private static final long READ_AT_MOST = 48L * MESSAGE; // one message + the kernel's socket buffers

    private final WebSocketClient client = new WebSocketClient();
    private BrowserEchoServer server;

    @BeforeEach
    void start() throws Exception {
        Options options = new Options();
        options.parse("--port", "0", "--quiet", "--close-timeout", "500");
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
    void aClientThatStopsReadingStopsBeingReadAndOthersAreStillServed() throws Exception {
        long sent;
        try (SocketChannel stuck = upgradedChannel()) {
            sent = sendUntilTheServerStopsReading(stuck);

            assertThat(sent).as("bytes the server took from a client that never reads")
                    .isGreaterThan(MESSAGE).isLessThan(READ_AT_MOST);
            Peer other = new Peer.Messages();
            Session session = Peer.connect(client, server.uri(), other, null, "echo-protocol");
            session.sendText("still here?", Callback.NOOP);
            assertThat(other.next()).isEqualTo("still here?");
        }
    }

    /** Writes 1 MiB binary frames until nothing more can be written for 3 s, or the whole budget went through. */
    private static long sendUntilTheServerStopsReading(SocketChannel channel) throws IOException {
        byte[] payload = new byte[MESSAGE];
        ThreadLocalRandom.current().nextBytes(payload);
        ByteBuffer frame = maskedBinaryFrame(payload);
        channel.configureBlocking(false);
        long sent = 0;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (sent < TRIES_TO_SEND) {
                if (!frame.hasRemaining()) {
                    frame.rewind();
                }
                int written = channel.write(frame);
                sent += written;
                if (written == 0 && selector.select(3_000) == 0) {
                    return sent; // the socket stayed full: the server no longer reads
                }
                selector.selectedKeys().clear();
            }
        }
        return sent;
    }

    private SocketChannel upgradedChannel() throws IOException {
        SocketChannel channel = SocketChannel.open();
        // Small buffers on our side, so that what the kernel holds for us stays small too.
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 64 * 1024);
        channel.connect(new InetSocketAddress("localhost", server.uri().getPort()));
        channel.write(ByteBuffer.wrap(("GET / HTTP/1.1\r\nHost: localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: echo-protocol\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) one.get(0));
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return channel;
    }

    /** One binary frame, masked as a client must: FIN + opcode 2, a 64-bit length, a zero mask. */
    private static ByteBuffer maskedBinaryFrame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(2 + 8 + 4 + payload.length);
        frame.put((byte) 0x82).put((byte) (0x80 | 127)).putLong(payload.length);
        frame.putInt(0); // a zero mask leaves the payload as it is
        frame.put(payload).flip();
        return frame;
    }
}
