package io.github.wsrecipes.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw TCP client that completes the WebSocket handshake and then reads nothing: the peer that
 * stops reading. Its receive buffer is made as small as the system allows, so it fills fast.
 */
public final class StuckClient implements AutoCloseable {

    private final Socket socket = new Socket();

    public StuckClient(URI http) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(http.getHost(), http.getPort()), 5_000);
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + http.getHost() + ":" + http.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: echo-protocol\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Reads at last, until the server has closed the connection; the number of bytes read. */
    public long drainUntilClosed() throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
