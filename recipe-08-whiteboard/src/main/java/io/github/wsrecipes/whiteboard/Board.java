package io.github.wsrecipes.whiteboard;

import java.nio.ByteBuffer;

/**
 * One whiteboard: who draws on it, and what was drawn. Each peer is known by its {@link Backlog},
 * the way to send to it. Events arrive checked and encoded once (UTF-8) and go to every peer but
 * their sender. {@link InMemoryBoard} keeps all of it in this process.
 */
interface Board {

    /** A new peer: first what was drawn so far, then every event from now on. */
    void join(Backlog peer);

    void leave(Backlog peer);

    /** A draw event: kept for late joiners and sent to every peer but {@code from}. */
    void draw(Backlog from, ByteBuffer event);

    /** A clear event: the history is emptied, and every peer but {@code from} clears its board. */
    void clear(Backlog from, ByteBuffer event);

    /** Peers on the board now. */
    int people();
}
