package io.github.wsrecipes.socketio;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.wsrecipes.support.Origins;

/**
 * Node's {@code io.origins(…)}: a browser never blocks the answer, so the server refuses foreign pages.
 * By default the kit's rule (this machine's recipe pages, see {@link Origins}); {@code --origins}
 * replaces it with its own list of {@code host:port} or full origins, {@code *} for any.
 */
final class IoOrigins implements Predicate<String> {

    private final Origins byDefault;
    private final Set<String> only;

    IoOrigins(int pagePort, List<String> only) {
        this.byDefault = new Origins(pagePort, List.of(), false);
        this.only = only.stream().map(entry -> entry.contains("://") ? hostAndPort(entry) : entry.toLowerCase(Locale.ROOT))
                .map(entry -> "*:*".equals(entry) ? "*" : entry).collect(Collectors.toSet());
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    @Override
    public boolean test(String origin) {
        if (only.isEmpty()) {
            return byDefault.allows(origin);
        }
        return origin == null || only.contains("*") || only.contains(hostAndPort(origin)); // "null" and garbage: refused
    }

    /** {@code http://localhost:8084} → {@code localhost:8084}, the form io.origins() uses; null for no web origin. */
    private static String hostAndPort(String origin) {
        try {
            URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null ? uri.getHost() + ":" + port : null;
        } catch (Exception notAnOrigin) {
            return null;
        }
    }
}
