package io.github.wsrecipes.router;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.github.wsrecipes.support.Backlog;
import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of either mount. Everything it is sent waits in its {@link Backlog}, so a client
 * that sends and never reads is closed, not fed forever. Jetty needs endpoint classes to be public.
 */
public abstract class Endpoint implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

    private final String protocol;
    private final Options options;
    private Object peer; // the address, kept: a closed session no longer knows it
    Backlog backlog;

    Endpoint(String protocol, Options options) {
        this.protocol = protocol;
        this.options = options;
    }

    /** What this mount does with one text message. */
    abstract void received(String text);

    @Override
    public void onWebSocketOpen(Session session) {
        peer = session.getRemoteSocketAddress();
        backlog = new Backlog(session, options.maxBacklog, options.closeTimeout);
        LOG.info("Connected: {} with protocol {}", peer, protocol);
    }

    @Override
    public void onWebSocketText(String text) {
        if (!options.quiet) {
            LOG.info("Received Message: {}", PeerText.of(text));
        }
        received(text);
    }

    /** Listing 8-5 read only {@code utf8} messages and ignored the rest; we say so instead. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback received) {
        backlog.send("{\"status\":400,\"error\":\"" + protocol + " takes text; got " + payload.remaining() + " bytes of binary\"}");
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
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        callback.succeed();
    }

    /** {@code echo-protocol}: listing 8-5's JSON API, one reply per message; a bad one costs a 400, never the connection. */
    public static final class Api extends Endpoint {

        private final RouteTable routes;

        Api(RouteTable routes, Options options) {
            super("echo-protocol", options);
            this.routes = routes;
        }

        @Override
        void received(String text) {
            backlog.send(routes.answer(text));
        }
    }

    /** {@code update-protocol}: each text is {@code {"update": text, "from": id}} for every member, itself included. */
    public static final class Updates extends Endpoint {

        /** The open update connections of one server, and the last id given out. */
        record Members(Set<Backlog> all, AtomicInteger lastId) {
            Members() {
                this(ConcurrentHashMap.newKeySet(), new AtomicInteger());
            }
        }

        private final Members members;
        private final int id;

        Updates(Members members, Options options) {
            super("update-protocol", options);
            this.members = members;
            this.id = members.lastId().incrementAndGet();
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            members.all().add(backlog);
        }

        /** Encoded once, queued on each member's backlog: no member waits for another. */
        @Override
        void received(String update) {
            String json = JsonNodeFactory.instance.objectNode().put("update", update).put("from", id).toString();
            ByteBuffer once = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
            members.all().forEach(member -> member.send(once));
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            members.all().remove(backlog);
            super.onWebSocketClose(statusCode, reason, callback);
        }
    }
}
