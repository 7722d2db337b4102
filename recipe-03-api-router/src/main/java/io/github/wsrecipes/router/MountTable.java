package io.github.wsrecipes.router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing 8-7's {@code WebSocketRouter}: {@code mount(path, protocol, handler)} picks the
 * endpoint for an upgrade request by its path and the subprotocol it asks for.
 *
 * <pre>{@code
 * new MountTable()
 *         .mount("*", "echo-protocol", () -> new ApiEndpoint(routes))
 *         .mount("/updates", "update-protocol", () -> new UpdateEndpoint(hub));
 * }</pre>
 *
 * Jetty asks this table about every upgrade request. A client may offer several protocols; the
 * first one it offers that is mounted wins, and that is the one the handshake answers with (a
 * browser closes a socket whose answer names a protocol it did not ask for). No match: 403.
 */
public final class MountTable implements WebSocketCreator {

    private static final Logger LOG = LoggerFactory.getLogger(MountTable.class);

    /** One row: {@code path} is {@code *} (any path) or one exact path such as {@code /updates}. */
    private record Mount(String path, String protocol, Supplier<?> endpoint) {

        boolean accepts(String requestPath, String offered) {
            return protocol.equals(offered) && (path.equals("*") || path.equals(requestPath));
        }

        @Override
        public String toString() {
            return path + " " + protocol;
        }
    }

    private final List<Mount> mounts = new ArrayList<>();

    /** Mounts a new endpoint per connection for this path ({@code *}: any) and protocol. */
    public MountTable mount(String path, String protocol, Supplier<?> endpoint) {
        mounts.add(new Mount(path, protocol, endpoint));
        return this;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String path = Request.getPathInContext(request);
        List<String> offered = request.getSubProtocols();
        for (String protocol : offered) {
            for (Mount mount : mounts) {
                if (mount.accepts(path, protocol)) {
                    response.setAcceptedSubProtocol(protocol);
                    return mount.endpoint().get();
                }
            }
        }
        String refused = offered.isEmpty() ? "(none)" : String.join(", ", offered);
        LOG.warn("protocol not acceptable: {} on path {} from {}", refused, path, Request.getRemoteAddr(request));
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "protocol not acceptable: " + refused);
        return null;
    }

    /** e.g. {@code * echo-protocol, * update-protocol}: printed at start-up. */
    @Override
    public String toString() {
        return mounts.stream().map(Mount::toString).collect(Collectors.joining(", "));
    }
}
