package io.github.wsrecipes.server;

import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WebSocket client made by hand on a plain socket, for what no polite client does: it never
 * answers a ping. It reads frames (unmasked, as servers send them) until the server hangs up.
 */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private volatile long lastWrite = System.nanoTime();

    RawWebSocket(URI server) throws IOException {
        this(server, server.getHost() + ":" + server.getPort(), null);
    }

    /** With this {@code Host} header, and an {@code Origin} header when {@code origin} is not null. */
    RawWebSocket(URI server, String host, String origin) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Sec-WebSocket-Protocol: echo-protocol\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new DataInputStream(socket.getInputStream());
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status.lines().findFirst().orElse(""));
        }
    }

    /** The opcode of the next frame (1 text, 2 binary, 8 close, 9 ping), or -1 when the server hung up. */
    int nextOpcode() throws IOException {
        try {
            int first = in.readUnsignedByte();
            int length = in.readUnsignedByte() & 0x7f;
            long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
            in.skipNBytes(size);
            return first & 0x0f;
        } catch (EOFException hungUp) {
            return -1;
        }
    }

    /** One text frame, masked as a client must (with the all-zero key, so the bytes go as they are). */
    void sendText(byte[] utf8) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(0x81);
        if (utf8.length < 126) {
            out.write(0x80 | utf8.length);
        } else {
            out.write(0x80 | 126);
            out.write(utf8.length >> 8);
            out.write(utf8.length & 0xff);
        }
        out.write(new byte[4]);
        out.write(utf8);
    }

    /**
     * Sends 60 KB text messages from a background thread, reading nothing, until {@code limit}
     * bytes are out or the writes have stalled for two seconds; returns the bytes sent by then.
     */
    long floodUntilStalled(long limit) {
        AtomicLong sent = new AtomicLong();
        Thread flood = new Thread(() -> {
            byte[] message = new byte[60_000];
            Arrays.fill(message, (byte) 'x');
            try {
                while (sent.get() < limit) {
                    sendText(message);
                    sent.addAndGet(message.length);
                    lastWrite = System.nanoTime();
                }
            } catch (IOException closed) {
                // the server or the test closed the socket
            }
        }, "flood");
        flood.setDaemon(true);
        flood.start();
        long[] last = {-1};
        await().pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).until(() -> {
            long now = sent.get();
            boolean still = now == last[0] || now >= limit;
            last[0] = now;
            return still;
        });
        return sent.get();
    }

    /** When {@link #floodUntilStalled} last got a message out ({@link System#nanoTime()}). */
    long lastWrite() {
        return lastWrite;
    }

    private String readHeaders() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
