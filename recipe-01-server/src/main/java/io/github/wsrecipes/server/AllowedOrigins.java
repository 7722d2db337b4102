package io.github.wsrecipes.server;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which browser pages may open a WebSocket here: the server's half of the same-origin policy.
 *
 * <p>Browsers send {@code Origin} on every WebSocket upgrade but, unlike with fetch, never block
 * the answer: the server must refuse foreign pages itself, or any site a user visits could talk
 * to this server with the user's cookies (cross-site WebSocket hijacking). Allowed are the kit's
 * own pages on localhost and 127.0.0.1 (ports 8081 to 8088, so the recipes can talk to each
 * other in a class demo), a page served by this very server under whatever name the browser
 * used (its {@code Origin} matches the {@code Host} it connected to, which is what makes a LAN
 * demo on 0.0.0.0 work), and every {@code --allowed-origin}.
 */
final class AllowedOrigins {

    private final Set<String> origins = new LinkedHashSet<>();
    private final boolean any;

    AllowedOrigins(List<String> extra, boolean any) {
        IntStream.rangeClosed(8081, 8088).forEach(port -> {
            origins.add("http://localhost:" + port);
            origins.add("http://127.0.0.1:" + port);
        });
        extra.forEach(origin -> origins.add(normalize(origin)));
        this.any = any;
    }

    /** {@code origin} may be null: non-browser clients send none, and cannot be hijacked. */
    boolean allows(String origin, String host) {
        if (any || origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        return origins.contains(normalized) || isSameOrigin(normalized, host);
    }

    private static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        String hostPart = origin.replaceFirst("^https?://", "");
        return hostPart.equals(host.toLowerCase(Locale.ROOT));
    }

    private static String normalize(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        try {
            URI uri = URI.create(lower);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException notAUri) {
            return lower;
        }
    }
}
