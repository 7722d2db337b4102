package io.github.wsrecipes.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.eclipse.jetty.http.HttpFields;

/**
 * The one computation of the opening handshake (RFC 6455, 4.2.2), and the headers it is made of.
 *
 * <p>The client sends a random {@code Sec-WebSocket-Key}; the server proves that it speaks
 * WebSocket (and is not an HTTP cache replaying an answer) by returning
 * {@code base64(SHA-1(key + GUID))} as {@code Sec-WebSocket-Accept}. Jetty does this itself; the
 * recipe computes it again only to log what Jetty answers.
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

    /** The upgrade request's headers as the book explains them, one a line, each fit for a log. */
    static String describe(String peer, HttpFields headers) {
        String key = headers.get("Sec-WebSocket-Key");
        String origin = headers.get("Origin");
        return "Upgrade request from " + peer
                + "\n  Upgrade: " + PeerText.of(headers.get("Upgrade"))
                + "\n  Connection: " + PeerText.of(headers.get("Connection"))
                + "\n  Origin: " + (origin == null ? "(none: not sent by a browser)" : PeerText.of(origin))
                + "\n  Sec-WebSocket-Key: " + PeerText.of(key)
                + "\n  Sec-WebSocket-Version: " + PeerText.of(headers.get("Sec-WebSocket-Version"))
                + "\n  Sec-WebSocket-Protocol: " + PeerText.of(headers.get("Sec-WebSocket-Protocol"))
                + "\n  -> Sec-WebSocket-Accept: " + (key == null ? "none, no key" : acceptFor(key))
                + " (base64 of SHA-1 of the key + " + GUID + ")";
    }
}
