package io.github.wsrecipes.socketio;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A Socket.IO client made by hand on a plain socket: it upgrades to WebSocket, reads the Engine.IO
 * open packet, joins namespaces, and from then on reads nothing, however much the server pushes.
 * Its receive buffer is as small as the system allows, so what it leaves unread piles up in the server.
 */
final class StuckReader implements AutoCloseable {

    private final Socket socket = new Socket();
    private final DataInputStream in;

    StuckReader(URI socketIo) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(socketIo.getHost(), socketIo.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + socketIo.getPath() + "/?EIO=4&transport=websocket HTTP/1.1\r\n"
                + "Host: " + socketIo.getHost() + ":" + socketIo.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in = new DataInputStream(socket.getInputStream());
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        String open = nextText();
        if (!open.startsWith("0{")) {
            throw new IOException("no Engine.IO open packet: " + open);
        }
    }

    /** Socket.IO's CONNECT packet for this namespace ("/" or "/custom-namespace"), sent as a masked text frame. */
    void join(String namespace) throws IOException {
        byte[] packet = ("40" + (namespace.equals("/") ? "" : namespace + ",")).getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {(byte) 0x81, (byte) (0x80 | packet.length), 0, 0, 0, 0}); // the all-zero mask
        out.write(packet);
        out.flush();
    }

    private String nextText() throws IOException {
        in.readUnsignedByte();
        int length = in.readUnsignedByte() & 0x7f;
        int size = length == 126 ? in.readUnsignedShort() : length == 127 ? (int) in.readLong() : length;
        return new String(in.readNBytes(size), StandardCharsets.UTF_8);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
