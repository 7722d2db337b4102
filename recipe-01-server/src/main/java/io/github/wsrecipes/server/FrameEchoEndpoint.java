package io.github.wsrecipes.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.websocket.api.Callback;

/**
 * Echoes frame by frame (assembleFragments off): WebSocket-Node then emits a {@code frame}
 * event per frame instead of a {@code message}, and the application sees the fragments.
 * Each frame goes back as the same fragment, so the peer gets the message cut as it sent it.
 */
public final class FrameEchoEndpoint extends EchoEndpoint {

    FrameEchoEndpoint(Keepalive keepalive) {
        super(keepalive);
    }

    @Override
    public void onWebSocketPartialText(String payload, boolean fin) {
        heard();
        LOG.info("Received Frame: text, {} bytes{}", payload.getBytes(StandardCharsets.UTF_8).length,
                fin ? ", last" : "");
        session.sendPartialText(payload, fin, Callback.NOOP);
    }

    @Override
    public void onWebSocketPartialBinary(ByteBuffer payload, boolean fin, Callback callback) {
        heard();
        LOG.info("Received Frame: binary, {} bytes{}", payload.remaining(), fin ? ", last" : "");
        session.sendPartialBinary(payload, fin, callback);
    }
}
