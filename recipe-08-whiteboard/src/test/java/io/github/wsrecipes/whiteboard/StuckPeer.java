package io.github.wsrecipes.whiteboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A peer that opens a draw-protocol connection by hand on a plain socket and then never reads:
 * what a frozen browser tab or a stalled network looks like to the server.
 */
final class StuckPeer implements AutoCloseable {

    private final Socket socket = new Socket();

    StuckPeer(URI server) throws IOException {
        socket.setReceiveBufferSize(4096); // a small window, so the server's writes stall early
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: draw-protocol\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        if (!status.equals("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + status);
        }
    }

    /** Reads everything the server had queued; true when the server then hung up (end or reset). */
    boolean drainsToTheEnd() throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // skip
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
