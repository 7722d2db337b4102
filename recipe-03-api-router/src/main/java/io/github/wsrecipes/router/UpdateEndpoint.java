package io.github.wsrecipes.router;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code update-protocol} connection (listing 8-7's second mount): each text it sends is an
 * update for every update connection, itself included, as {@code {"update": text, "from": id}},
 * encoded once and queued on each one's {@link Backlog}, so that no connection waits for another.
 */
public final class UpdateEndpoint implements Session.Listener.AutoDemanding {

    /** Every open update connection, and the last id given out. */
    static final class Members {
        final Set<Backlog> all = ConcurrentHashMap.newKeySet();
        final AtomicInteger lastId = new AtomicInteger();
    }

    private static final Logger LOG = LoggerFactory.getLogger(UpdateEndpoint.class);

    private final Members members;
    private final Options options;
    private Session session;
    private Object peer; // the address, kept: a closed session no longer knows it
    private Backlog backlog;
    private int id;

    UpdateEndpoint(Members members, Options options) {
        this.members = members;
        this.options = options;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        this.backlog = new Backlog(session, options.maxBacklog, options.closeTimeout);
        this.id = members.lastId.incrementAndGet();
        members.all.add(backlog);
        LOG.info("Connected: {} with protocol update-protocol as client {}", peer, id);
    }

    @Override
    public void onWebSocketText(String update) {
        if (!options.quiet) {
            LOG.info("Update from client {}: {}", id, PeerText.of(update));
        }
        String json = JsonNodeFactory.instance.objectNode().put("update", update).put("from", id).toString();
        ByteBuffer once = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
        members.all.forEach(member -> member.sendText(once));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback received) {
        backlog.sendText("{\"error\":\"updates are text; got " + payload.remaining() + " bytes of binary\"}");
        received.succeed();
    }

    /** A send to a peer that has gone fails here; the close line says how it went. */
    @Override
    public void onWebSocketError(Throwable cause) {
        if (!(cause instanceof ClosedChannelException || cause instanceof EofException)) {
            LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        members.all.remove(backlog);
        LOG.info("Disconnected: {} (client {}) {} {}", peer, id, statusCode, PeerText.of(reason));
        callback.succeed();
    }
}
