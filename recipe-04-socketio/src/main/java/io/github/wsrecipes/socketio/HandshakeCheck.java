package io.github.wsrecipes.socketio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.HandshakeData;

/**
 * The chapter's {@code io.use(…)} middleware and {@code io.origins(…)} in one place: every
 * handshake, for every namespace, passes here before a socket exists.
 *
 * <p>Both checks live in the {@link AuthorizationListener} because netty-socketio 2.0.14 has no
 * better hook: {@code Configuration.setOrigin} only writes CORS headers (a foreign page still
 * connects over WebSocket), and an {@code AuthTokenListener} only runs when a Socket.IO v4 client
 * sends an {@code auth} payload, so a client that sends none would slip past it. A refused
 * handshake gets HTTP 401 (netty-socketio sends no body), and the log line here says why.
 */
final class HandshakeCheck implements AuthorizationListener {

    private static final Logger log = LoggerFactory.getLogger(HandshakeCheck.class);

    private final String token;
    private final List<String> origins;

    /**
     * @param token   the token every handshake must carry as {@code ?token=}, or null for none
     * @param origins allowed browser origins as {@code host:port} (or a full origin), or {@code *} for any
     */
    HandshakeCheck(String token, List<String> origins) {
        this.token = token;
        // Accept a full origin (http://localhost:8084) too, and Node's "*:*" for any.
        this.origins = origins.stream().map(entry -> entry.contains("://") ? hostAndPort(entry) : entry)
                .map(entry -> entry.equals("*:*") ? "*" : entry).toList();
    }

    @Override
    public AuthorizationResult getAuthorizationResult(HandshakeData handshake) {
        String refusal = refusal(handshake);
        if (refusal == null) {
            return AuthorizationResult.SUCCESSFUL_AUTHORIZATION;
        }
        log.warn("Refused handshake from {}: {}", handshake.getAddress(), refusal);
        return AuthorizationResult.FAILED_AUTHORIZATION;
    }

    /** Why this handshake must be refused, or null when it may pass. */
    String refusal(HandshakeData handshake) {
        // A request without Origin comes from a non-browser client (like the Java client): the
        // origin check protects browsers' users from foreign pages, so it does not apply.
        String origin = handshake.getHttpHeaders().get("Origin");
        if (origin != null && !originAllowed(origin)) {
            return "origin " + origin + " is not allowed (--origins " + String.join(",", origins) + ")";
        }
        if (token != null) {
            String offered = handshake.getSingleUrlParam("token");
            if (offered == null) {
                return "no token (start the client with the server's --token)";
            }
            if (!MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return "wrong token";
            }
        }
        return null;
    }

    private boolean originAllowed(String origin) {
        return origins.contains("*") || origins.contains(hostAndPort(origin));
    }

    /** {@code http://localhost:8084} → {@code localhost:8084}, the form io.origins() uses. */
    private static String hostAndPort(String origin) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() == null ? origin : uri.getHost() + ":" + port;
        } catch (IllegalArgumentException notAUri) {
            return origin; // "null" from a file:// page, or garbage: only * allows it
        }
    }
}
