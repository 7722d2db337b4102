package io.github.wsrecipes.server;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;

/** Echoes whole messages (assembleFragments on), cut into frames when they are large. */
public final class MessageEchoEndpoint extends EchoEndpoint {

    private final Fragments fragments;

    MessageEchoEndpoint(Keepalive keepalive, Fragments fragments) {
        super(keepalive);
        this.fragments = fragments;
    }

    @Override
    public void onWebSocketText(String message) {
        heard();
        LOG.info("Received Message: {}", message);
        fragments.sendText(session, message, Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        heard();
        LOG.info("Received Binary Message of {} bytes", payload.remaining());
        // The payload buffer is Jetty's until the callback completes: echo it, then release it.
        fragments.sendBinary(session, payload, callback);
    }
}
