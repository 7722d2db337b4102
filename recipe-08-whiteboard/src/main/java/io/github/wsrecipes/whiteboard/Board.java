package io.github.wsrecipes.whiteboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wsrecipes.scaleout.Relay;
import io.github.wsrecipes.scaleout.Relay.Replay;
import io.github.wsrecipes.support.Backlog;

/**
 * The whiteboard: who draws on it (each peer known by its {@link Backlog}) and what was drawn.
 * One lock orders everything: every peer sees the events in the same order, a late joiner gets
 * the history and then exactly the events after it, and a clear lands at the same point for all.
 * Holding it is cheap: a send only queues a frame. With a {@link Relay} the events and the history
 * live in Redis and every node's board hears every node's events.
 */
final class Board implements AutoCloseable {

    private record Joined(long id, long after) {
    }

    // Safe to iterate while a peer that fails leaves at once.
    private final Map<Backlog, Joined> peers = new ConcurrentHashMap<>();
    private final ArrayDeque<ByteBuffer> history = new ArrayDeque<>();
    private final int maxHistory;
    private final Relay relay; // null: this node alone
    private long ids;
    private long seq;

    Board(int maxHistory, Relay relay) {
        this.maxHistory = maxHistory;
        this.relay = relay;
        if (relay != null) {
            relay.subscribe(this::deliver);
        }
    }

    /** A new peer: its socketid_N, what was drawn so far, then every event from now on; returns its N. */
    synchronized long join(Backlog peer) {
        Replay replay = relay == null ? new Replay(++ids, seq, List.copyOf(history)) : relay.join(maxHistory);
        peer.send("socketid_" + replay.id());
        replay.history().forEach(peer::send);
        peers.put(peer, new Joined(replay.id(), replay.seq()));
        sendPeople();
        return replay.id();
    }

    synchronized void leave(Backlog peer) {
        if (peers.remove(peer) != null) {
            sendPeople();
        }
    }

    /** A checked event from peer {@code sender}, encoded once: through Redis to every node, or kept and sent here. */
    CompletionStage<?> draw(long sender, byte[] utf8, boolean clear) {
        if (relay != null) {
            return relay.publish(sender, utf8, clear, maxHistory);
        }
        synchronized (this) {
            if (clear) {
                history.clear();
            } else if (maxHistory > 0) {
                if (history.size() == maxHistory) {
                    history.removeFirst(); // the oldest stroke goes first: memory stays bounded
                }
                history.addLast(ByteBuffer.wrap(utf8));
            }
            deliver(++seq, sender, ByteBuffer.wrap(utf8));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Event number {@code seq} to every peer but its sender (the connection decides, never the socketid a page claims) and but a late joiner whose history held it. */
    synchronized void deliver(long seq, long sender, ByteBuffer event) {
        peers.forEach((peer, joined) -> {
            if (joined.id() != sender && seq > joined.after()) {
                peer.send(event);
            }
        });
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
    }

    /** The page shows how many people are drawing on this node; the listing's page ignores this type. */
    private void sendPeople() {
        ByteBuffer count = ByteBuffer.wrap(("{\"type\":\"people\",\"count\":" + peers.size() + "}").getBytes(StandardCharsets.UTF_8));
        peers.keySet().forEach(peer -> peer.send(count));
    }
}
