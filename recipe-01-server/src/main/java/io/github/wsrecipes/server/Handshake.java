package io.github.wsrecipes.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one computation of the opening handshake (RFC 6455, section 4.2.2).
 *
 * <p>The client sends a random {@code Sec-WebSocket-Key}; the server proves that it speaks
 * WebSocket (and is not an HTTP server replaying a cached answer) by returning
 * {@code base64(SHA-1(key + GUID))} as {@code Sec-WebSocket-Accept}. Jetty does this itself;
 * the recipe computes it again only to log what Jetty answers.
 */
public final class Handshake {

    /** The fixed GUID every WebSocket server appends to the key. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {
    }

    public static String acceptFor(String secWebSocketKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((secWebSocketKey + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
