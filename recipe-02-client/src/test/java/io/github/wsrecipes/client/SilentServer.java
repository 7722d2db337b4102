package io.github.wsrecipes.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server that completes the WebSocket handshake and then never answers anything, not even a
 * close frame: what a hung peer looks like. Jetty's own server always answers a close, so this
 * one speaks raw TCP. It takes one connection.
 */
final class SilentServer implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: *(\\S+)", Pattern.CASE_INSENSITIVE);

    private final ServerSocket listening;
    private final Thread acceptor;

    SilentServer() throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptOneAndStaySilent, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    private void acceptOneAndStaySilent() {
        try (Socket socket = listening.accept()) {
            InputStream in = socket.getInputStream();
            Matcher key = KEY.matcher(readRequestHead(in));
            if (!key.find()) {
                return;
            }
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n"
                    + "Sec-WebSocket-Protocol: echo-protocol\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.transferTo(OutputStream.nullOutputStream()); // reads every frame, answers none
        } catch (Exception closed) {
            // the test is over
        }
    }

    private static String readRequestHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static String accept(String key) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    @Override
    public void close() throws IOException {
        listening.close();
        acceptor.interrupt();
    }
}
