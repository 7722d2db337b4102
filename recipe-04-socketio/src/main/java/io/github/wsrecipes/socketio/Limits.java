package io.github.wsrecipes.socketio;

import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;

/** The Socket.IO server's settings and limits, each a line to change in class. */
final class Limits {

    private Limits() {
    }

    static Configuration of(String host, int port, String path, AuthorizationListener middleware) {
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setContext(path);                       // Node's `path` option
        config.setAuthorizationListener(middleware);   // io.use
        // Compression off: netty-socketio checks the frame limit before inflating (58 KB could become 60 MB).
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(64 * 1024);    // a larger WebSocket message closes the connection
        config.setMaxHttpContentLength(64 * 1024);     // a larger polling body is refused
        config.setPingInterval(25_000);                // Node's ping: every 25 s, and a client silent
        config.setPingTimeout(20_000);                 // for 20 s more is gone (netty-socketio: 60 s)
        // A new session id for every handshake, as Node: netty-socketio would otherwise reuse the one
        // offered in its `io` cookie (set for every port of the host), and two tabs would share a session.
        config.setRandomSession(true);
        SocketConfig socket = config.getSocketConfig();
        socket.setReuseAddress(true);                  // listen again at once after Ctrl+C
        socket.setWriteBufferWaterMarkLow(512 * 1024); // past the high mark, a client that is not
        socket.setWriteBufferWaterMarkHigh(1 << 20);   // reading is closed (RequestGuard)
        return config;
    }
}
