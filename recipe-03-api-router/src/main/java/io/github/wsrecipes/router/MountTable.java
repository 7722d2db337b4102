package io.github.wsrecipes.router;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing 8-7's {@code WebSocketRouter}: {@code mount(path, protocol, handler)} picks the endpoint
 * of an upgrade whose origin is allowed by its path ({@code *}: any) and the subprotocols it offers:
 * the first offered one that is mounted wins, and the handshake answers with it. No match: 403.
 */
final class MountTable implements WebSocketCreator {

    private static final Logger LOG = LoggerFactory.getLogger(MountTable.class);

    private record Mount(String path, String protocol, Supplier<Object> endpoint) { }

    private final Origins origins;
    private final List<Mount> mounts = new CopyOnWriteArrayList<>();

    MountTable(Origins origins) {
        this.origins = origins;
    }

    MountTable mount(String path, String protocol, Supplier<Object> endpoint) {
        mounts.add(new Mount(path, protocol, endpoint));
        return this;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String path = Request.getPathInContext(request);
        List<String> offered = request.getSubProtocols();
        String refusal = "origin " + PeerText.of(origin) + " is not allowed";
        if (origins.allows(origin)) {
            for (String protocol : offered) {
                for (Mount mount : mounts) {
                    if (mount.protocol().equals(protocol) && (mount.path().equals("*") || mount.path().equals(path))) {
                        response.setAcceptedSubProtocol(protocol);
                        return mount.endpoint().get();
                    }
                }
            }
            refusal = "protocol not acceptable: " + PeerText.of(offered.isEmpty() ? "(none)" : String.join(", ", offered)) + " on path " + PeerText.of(path);
        }
        LOG.warn("Rejected {}:{}: {}", Request.getRemoteAddr(request), Request.getRemotePort(request), refusal);
        Response.writeError(request, response, callback, 403, refusal);
        return null;
    }
}
