package io.github.wsrecipes.router;

import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code update-protocol} connection (listing 8-7's second mount): each message is an update for all. */
public final class UpdateEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateEndpoint.class);

    private final UpdateHub hub;
    private Session session;
    private int id;

    public UpdateEndpoint(UpdateHub hub) {
        this.hub = hub;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.id = hub.join(session);
        LOG.info("update-protocol client {} connected from {} ({} connected)", id, session.getRemoteSocketAddress(), hub.size());
    }

    @Override
    public void onWebSocketText(String update) {
        LOG.info("Update from client {}: {}", id, update);
        hub.broadcast(id, update);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        int bytes = payload.remaining();
        callback.succeed();
        String error = "updates are text; got " + bytes + " bytes of binary";
        LOG.info("Refused update from client {}: {}", id, error);
        session.sendText(JsonNodeFactory.instance.objectNode().put("error", error).toString(), Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        hub.leave(session);
        LOG.info("update-protocol client {} closed: {} {}", id, statusCode, reason == null ? "(no reason)" : reason);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.warn("update-protocol client {} error: {}", id, cause.toString());
    }
}
