package io.github.wsrecipes.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;

/**
 * The opening handshake (RFC 6455, 4.2.2): the server proves it speaks WebSocket by answering the
 * client's random {@code Sec-WebSocket-Key} with {@code base64(SHA-1(key + GUID))}. Jetty does it;
 * the recipe computes it again only to log what Jetty answers.
 */
public final class Handshake {

    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {
    }

    public static String acceptFor(String secWebSocketKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((secWebSocketKey + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** The upgrade request's headers as the chapter explains them, each fit for a log. */
    static String describe(String peer, HttpFields headers) {
        StringBuilder text = new StringBuilder("Upgrade request from " + peer);
        for (String name : List.of("Upgrade", "Connection", "Origin", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol")) {
            String value = headers.get(name);
            text.append("\n  ").append(name).append(": ")
                    .append(value == null && name.equals("Origin") ? "(none: not sent by a browser)" : PeerText.of(value));
        }
        String key = headers.get("Sec-WebSocket-Key");
        return text.append("\n  -> Sec-WebSocket-Accept: ").append(key == null ? "none, no key" : acceptFor(key))
                .append(" (base64 of SHA-1 of the key + ").append(GUID).append(")").toString();
    }
}
