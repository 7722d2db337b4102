package io.github.wsrecipes.socketio;

import java.util.function.IntSupplier;

import io.github.wsrecipes.support.socketio.RequestGuard;
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
        Configuration config = RequestGuard.configuration(options.host, options.socketIoPort, options.path);
        config.setAuthorizationListener(new Middleware(options.token, options.maxSessions, sessions));
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
