package io.github.wsrecipes.server;

import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.PeerText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket-Node's {@code request} event with {@code autoAcceptConnections: false}: each upgrade is
 * logged as the handshake it is, then accepted when its page may connect and it asks for
 * echo-protocol; otherwise HTTP 403 with the reason, and one log line. Auto-accept skips both checks.
 */
final class UpgradeCheck implements WebSocketCreator {

    static final String PROTOCOL = "echo-protocol";
    /** RFC 6455, 4.2.2: the server proves it speaks WebSocket by answering base64(SHA-1(Sec-WebSocket-Key + GUID)). */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeCheck.class);

    private final Origins origins;
    private final boolean autoAccept;
    private final Supplier<Object> endpoints;

    UpgradeCheck(Origins origins, boolean autoAccept, Supplier<Object> endpoints) {
        this.origins = origins;
        this.autoAccept = autoAccept;
        this.endpoints = endpoints;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        LOG.info("{}", describe(request));
        String origin = request.getHeaders().get("Origin");
        if (!origins.allows(origin)) { // originIsAllowed()
            return refuse(request, response, callback, "origin " + PeerText.of(origin) + " is not allowed");
        }
        if (!request.hasSubProtocol(PROTOCOL) && !autoAccept) {
            return refuse(request, response, callback, "subprotocol " + PeerText.of(String.valueOf(request.getSubProtocols()))
                    + " is not acceptable, this server speaks " + PROTOCOL);
        }
        // request.accept('echo-protocol'): a client that asked for a protocol and does not get it back fails (RFC 6455, 4.1).
        response.setAcceptedSubProtocol(request.hasSubProtocol(PROTOCOL) ? PROTOCOL : null);
        return endpoints.get();
    }

    private static Object refuse(Request request, Response response, Callback callback, String why) { // request.reject()
        LOG.warn("Rejected {}:{}: {}", Request.getRemoteAddr(request), Request.getRemotePort(request), why);
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, why);
        return null;
    }

    /** The handshake as the chapter explains it: the request's headers, and the Sec-WebSocket-Accept Jetty answers with. */
    private static String describe(Request request) {
        String key = request.getHeaders().get("Sec-WebSocket-Key");
        return "Upgrade request from " + Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request)
                + Stream.of("Upgrade", "Connection", "Origin", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol")
                        .map(name -> "\n  " + name + ": " + PeerText.of(request.getHeaders().get(name))).collect(Collectors.joining())
                + "\n  -> Sec-WebSocket-Accept: " + (key == null ? "none, no key" : acceptFor(key)) + " (base64 of SHA-1 of the key + " + GUID + ")";
    }

    static String acceptFor(String secWebSocketKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((secWebSocketKey + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
