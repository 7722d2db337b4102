package io.github.wsrecipes.socketio;

import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.HandshakeData;

/**
 * Node's {@code io.use(…)}: every handshake, for every namespace, passes here before a socket exists.
 * With {@code --token} it must carry {@code ?token=T}; past {@code --max-sessions} (sessions that never
 * poll must not pile up) it is refused with HTTP 401. {@link #config} holds the server's other limits.
 */
final class Middleware implements AuthorizationListener {

    private static final Logger LOG = LoggerFactory.getLogger(Middleware.class);

    private final String token;
    private final int maxSessions;
    private final IntSupplier sessions;

    private Middleware(String token, int maxSessions, IntSupplier sessions) {
        this.token = token;
        this.maxSessions = maxSessions;
        this.sessions = sessions;
    }

    /** The Socket.IO server's settings, each a line to change in class. */
    static Configuration config(Options options, IntSupplier sessions) {
        Configuration config = new Configuration();
        config.setHostname(options.host);
        config.setPort(options.socketIoPort);
        config.setContext(options.path);               // Node's `path` option
        config.setAuthorizationListener(new Middleware(options.token, options.maxSessions, sessions));
        // Compression off: netty-socketio checks the frame limit before inflating (58 KB could become 60 MB).
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(64 * 1024);    // a larger WebSocket message closes the connection
        config.setMaxHttpContentLength(64 * 1024);     // a larger polling body is refused
        config.setPingInterval(25_000);                // Node's ping: every 25 s, and a client silent
        config.setPingTimeout(20_000);                 // for 20 s more is gone (netty-socketio: 60 s)
        // A new session id per handshake, as Node: else the `io` cookie (set for every port) makes two tabs share one.
        config.setRandomSession(true);
        config.getSocketConfig().setReuseAddress(true);                  // listen again at once after Ctrl+C
        config.getSocketConfig().setWriteBufferWaterMarkLow(512 * 1024); // past the high mark, a client that
        config.getSocketConfig().setWriteBufferWaterMarkHigh(1 << 20);   // is not reading is closed (RequestGuard)
        return config;
    }

    @Override
    public AuthorizationResult getAuthorizationResult(HandshakeData handshake) {
        String offered = handshake.getSingleUrlParam("token");
        String refusal = token != null && !token.equals(offered) ? (offered == null ? "no token" : "wrong token")
                : sessions.getAsInt() >= maxSessions ? "already " + maxSessions + " sessions (--max-sessions)" : null;
        if (refusal == null) {
            return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
        }
        LOG.warn("Refused handshake from {}: {}", handshake.getAddress(), refusal);
        return AuthorizationResult.FAILED_AUTHORIZATION;
    }
}
