package io.github.wsrecipes.socketio;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;

/** The Socket.IO server's limits and settings, each one a line a learner can change in class. */
final class Limits {

    private Limits() {
    }

    static Configuration apply(Configuration config) {
        // Compression off: netty-socketio checks its frame limit before inflating, so a 58 KB
        // compressed frame could become a 60 MB message.
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(64 * 1024);    // a larger WebSocket frame closes the connection
        config.setMaxHttpContentLength(64 * 1024);     // a larger polling body is refused
        // Node's ping: every 25 s, and a client silent for 20 s more is gone (netty-socketio waits 60 s).
        config.setPingInterval(25_000);
        config.setPingTimeout(20_000);
        config.setFirstDataTimeout(5_000);             // a connection that sends no request is closed
        // netty-socketio otherwise reuses the session id a handshake offers in its `io` cookie (set for
        // every port of the host): two tabs would share one session. Node gives each handshake a new id.
        config.setRandomSession(true);
        config.setExceptionListener(new RequestGuard.OneLine());
        SocketConfig socket = config.getSocketConfig();
        socket.setReuseAddress(true);                  // listen again at once after Ctrl+C
        socket.setWriteBufferWaterMarkLow(512 * 1024);
        socket.setWriteBufferWaterMarkHigh(1024 * 1024); // past it, a client that stops reading is closed (RequestGuard)
        return config;
    }
}
