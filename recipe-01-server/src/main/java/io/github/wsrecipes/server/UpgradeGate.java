package io.github.wsrecipes.server;

import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpFields;
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
 * Looks at every upgrade request before it becomes a WebSocket, like WebSocket-Node's
 * {@code request} event with {@code autoAcceptConnections: false} (listing 8-1).
 *
 * <p>It logs the handshake headers, then accepts the request only when its origin is allowed
 * and it asks for {@code echo-protocol}; anything else gets HTTP 403 and a log line that says
 * what was refused. Accepting means naming the protocol in the response: a client that asked
 * for one and does not get it back must fail the connection (RFC 6455, 4.1).
 */
final class UpgradeGate implements WebSocketCreator {

    static final String PROTOCOL = "echo-protocol";
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);

    private final AllowedOrigins origins;
    private final boolean acceptEverything;
    private final Supplier<EchoEndpoint> endpoints;

    UpgradeGate(AllowedOrigins origins, boolean acceptEverything, Supplier<EchoEndpoint> endpoints) {
        this.origins = origins;
        this.acceptEverything = acceptEverything;
        this.endpoints = endpoints;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        HttpFields headers = request.getHeaders();
        String peer = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
        logHandshake(peer, headers);

        String origin = headers.get("Origin");
        if (!acceptEverything && !origins.allows(origin, headers.get("Host"))) {
            return refuse(request, response, callback,
                    "Connection from " + peer + " rejected: origin " + origin + " is not allowed");
        }
        if (request.hasSubProtocol(PROTOCOL)) {
            response.setAcceptedSubProtocol(PROTOCOL);
        } else if (!acceptEverything) {
            return refuse(request, response, callback, "Connection from " + peer + " rejected: subprotocol "
                    + request.getSubProtocols() + " is not acceptable, this server speaks " + PROTOCOL);
        }
        LOG.info("Connection accepted from {} with protocol {}", peer, response.getAcceptedSubProtocol());
        return endpoints.get();
    }

    private static Object refuse(Request request, Response response, Callback callback, String why) {
        LOG.warn(why);
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, why);
        return null;
    }

    private static void logHandshake(String peer, HttpFields headers) {
        String key = headers.get("Sec-WebSocket-Key");
        LOG.info("""
                Upgrade request from {}
                  Upgrade: {}
                  Connection: {}
                  Origin: {}
                  Sec-WebSocket-Key: {}
                  Sec-WebSocket-Version: {}
                  Sec-WebSocket-Protocol: {}
                  -> Sec-WebSocket-Accept: {} (base64 of SHA-1 of the key + {})""",
                peer, headers.get("Upgrade"), headers.get("Connection"),
                headers.get("Origin") == null ? "(none: not sent by a browser)" : headers.get("Origin"), key,
                headers.get("Sec-WebSocket-Version"), headers.get("Sec-WebSocket-Protocol"),
                key == null ? "none, no key" : Handshake.acceptFor(key), Handshake.GUID);
    }
}
