package io.github.wsrecipes.bench;

import java.util.function.BiConsumer;

import org.eclipse.jetty.websocket.api.Session;

/** One load client's WebSocket: hands every text message, with its arrival time, to the scenario. */
public final class Peer extends Session.Listener.AbstractAutoDemanding {

    private final BiConsumer<Peer, String> onText;
    volatile Session session;

    Peer(BiConsumer<Peer, String> onText) {
        this.onText = onText;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        this.session = session;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // a connection cut while the server stops: the scenario's counts say what was lost
    }

    @Override
    public void onWebSocketText(String message) {
        onText.accept(this, message);
    }
}
