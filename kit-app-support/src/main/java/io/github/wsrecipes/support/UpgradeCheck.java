package io.github.wsrecipes.support;

import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
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
 * WebSocket-Node's {@code request} event with {@code autoAcceptConnections: false}: each upgrade
 * is looked at before it becomes a WebSocket. Accepted when its page may connect and it asks
 * for the server's subprotocol; otherwise HTTP 403 with the reason, and one log line.
 */
public final class UpgradeCheck implements WebSocketCreator {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeCheck.class);

    private final Origins origins;
    private final String protocol;
    private final Supplier<Object> endpoints;

    public UpgradeCheck(Origins origins, String protocol, Supplier<Object> endpoints) {
        this.origins = origins;
        this.protocol = protocol;
        this.endpoints = endpoints;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!origins.allows(origin)) {
            return refuse(request, response, callback, "origin " + PeerText.of(origin) + " is not allowed");
        }
        if (!request.hasSubProtocol(protocol)) {
            return refuse(request, response, callback, "subprotocol " + PeerText.of(String.valueOf(request.getSubProtocols()))
                    + " is not acceptable, this server speaks " + protocol);
        }
        // Naming the protocol in the answer: a client that asked for one and does not get it back fails (RFC 6455, 4.1).
        response.setAcceptedSubProtocol(protocol);
        return endpoints.get();
    }

    private static Object refuse(Request request, Response response, Callback callback, String why) {
        LOG.warn("Rejected {}:{}: {}", Request.getRemoteAddr(request), Request.getRemotePort(request), why);
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, why);
        return null;
    }
}
