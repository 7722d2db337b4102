package io.github.wsrecipes.whiteboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The whiteboard: who draws on it (each peer known by its {@link Backlog}) and what was drawn.
 * One lock orders everything: every peer sees the events in the same order, a late joiner gets
 * the history and then exactly the events after it, and a clear lands at the same point for all.
 * Holding it is cheap: a send only queues a frame.
 */
final class Board {

    // Copied on join and leave (rare), never on a send: a peer that fails while we iterate may leave at once.
    private final Set<Backlog> peers = new CopyOnWriteArraySet<>();
    private final ArrayDeque<ByteBuffer> history = new ArrayDeque<>();
    private final int maxHistory;

    Board(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    /** A new peer: its greeting, what was drawn so far, then every event from now on. */
    synchronized void join(Backlog peer, String greeting) {
        peer.send(greeting);
        history.forEach(peer::send);
        peers.add(peer);
        sendPeople();
    }

    synchronized void leave(Backlog peer) {
        if (peers.remove(peer)) {
            sendPeople();
        }
    }

    /** A checked event, encoded once: kept for late joiners (a clear empties the history), sent to all but its sender. */
    synchronized void draw(Backlog from, ByteBuffer event, boolean clear) {
        if (clear) {
            history.clear();
        } else if (maxHistory > 0) {
            if (history.size() == maxHistory) {
                history.removeFirst(); // the oldest stroke goes first: memory stays bounded
            }
            history.addLast(event);
        }
        for (Backlog peer : peers) {
            if (peer != from) { // the connection decides, never the socketid a page claims
                peer.send(event);
            }
        }
    }

    /** The page shows how many people are drawing; the listing's page ignores this type. */
    private void sendPeople() {
        ByteBuffer count = ByteBuffer.wrap(("{\"type\":\"people\",\"count\":" + peers.size() + "}").getBytes(StandardCharsets.UTF_8));
        peers.forEach(peer -> peer.send(count));
    }
}
