package io.github.wsrecipes.router;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code echo-protocol} connection: every message is read, routed and answered exactly
 * once, whatever it holds. A bad message costs a 400 reply, never the connection.
 */
public final class ApiEndpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);

    private final RouteTable routes;
    private Session session;

    public ApiEndpoint(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        LOG.info("echo-protocol connection from {}", session.getRemoteSocketAddress());
    }

    @Override
    public void onWebSocketText(String text) {
        LOG.info("Received Message: {}", text);
        send(answer(text));
    }

    /** Listing 8-5 only read {@code utf8} messages and ignored the rest; we say so instead. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        int bytes = payload.remaining();
        callback.succeed();
        LOG.info("Received Binary Message of {} bytes", bytes);
        send(Reply.badRequest("this API speaks JSON text; got " + bytes + " bytes of binary").toJson(null));
    }

    private String answer(String text) {
        ApiRequest request = null;
        Reply reply;
        try {
            request = ApiRequest.parse(text);
            reply = routes.dispatch(request);
        } catch (BadRequest problem) {
            reply = Reply.badRequest(problem.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("Failed to answer {}", text, bug);
            reply = Reply.serverError("the server failed on this message; its log says why");
        }
        return reply.toJson(request);
    }

    private void send(String reply) {
        LOG.info("Replied: {}", reply);
        session.sendText(reply, Callback.from(() -> { }, failure ->
                LOG.warn("Reply to {} not sent: {}", session.getRemoteSocketAddress(), failure.toString())));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        LOG.info("echo-protocol connection from {} closed: {} {}", session.getRemoteSocketAddress(), statusCode,
                reason == null ? "(no reason)" : reason);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.warn("echo-protocol connection error: {}", cause.toString());
    }
}
