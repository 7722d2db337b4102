package io.github.wsrecipes.support;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ctrl+C in every Jetty recipe: each open WebSocket is told 1001 before the server stops. */
public final class GoingAway {

    private static final Logger LOG = LoggerFactory.getLogger(GoingAway.class);

    private GoingAway() {
    }

    /** Sends every open WebSocket 1001, waits for them to go (at most the close timeout), then stops the server. */
    public static void stop(Server server, ServerWebSocketContainer websockets, long closeTimeout) {
        LOG.info("Stopping: closing {} open WebSocket(s) with 1001 (going away)", websockets.getOpenSessions().size());
        websockets.getOpenSessions().forEach(session -> session.close(StatusCode.SHUTDOWN, "server is shutting down", Callback.NOOP));
        try {
            // Jetty drops a connection once its 1001 is written; a peer that stops reading holds that back.
            long deadline = System.nanoTime() + closeTimeout * 1_000_000;
            while (!websockets.getOpenSessions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed: {}", e.toString());
        }
    }
}
