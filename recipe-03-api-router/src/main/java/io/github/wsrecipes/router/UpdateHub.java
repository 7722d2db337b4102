package io.github.wsrecipes.router;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open {@code update-protocol} connection, so that an update from one reaches all of
 * them. Connections come and go on their own threads, hence a concurrent map.
 */
public final class UpdateHub {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateHub.class);

    private final Map<Session, Integer> members = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    /** Adds a connection and returns its id, the {@code from} of its updates. */
    public int join(Session session) {
        int id = lastId.incrementAndGet();
        members.put(session, id);
        return id;
    }

    public void leave(Session session) {
        members.remove(session);
    }

    public int size() {
        return members.size();
    }

    /**
     * Sends {@code {"update": text, "from": id}} to every member, the sender too (its echo tells
     * it the update went out). The text is passed on as a string, exactly as it came.
     */
    public void broadcast(int from, String update) {
        String json = JsonNodeFactory.instance.objectNode().put("update", update).put("from", from).toString();
        members.forEach((member, id) -> member.sendText(json, Callback.from(() -> { }, failure ->
                LOG.warn("Update not delivered to client {}: {}", id, failure.toString()))));
        LOG.info("Update from client {} sent to {} clients", from, members.size());
    }
}
