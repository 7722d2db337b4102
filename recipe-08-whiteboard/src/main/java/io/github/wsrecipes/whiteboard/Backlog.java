package io.github.wsrecipes.whiteboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one peer has been sent but not yet taken, in bytes: counted up before a send and down when
 * its frame is written. Past the bound the peer is closed with 1013 and gets nothing more, so a
 * page that stops reading costs a bounded amount of memory and the others never wait for it.
 */
final class Backlog {

    private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

    private final Session session;
    private final CoreSession core;
    private final long max;
    private final long closeTimeout;
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean full;

    Backlog(Session session, long max, long closeTimeout) {
        this.session = session;
        // Jetty's core session sends a frame from bytes we already hold: each event is encoded once.
        this.core = ((WebSocketSession) session).getCoreSession();
        this.max = max;
        this.closeTimeout = closeTimeout;
    }

    void send(String text) {
        send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues one text frame; never blocks. The buffer is shared by every peer and left untouched. */
    void send(ByteBuffer utf8) {
        if (full) {
            return;
        }
        int size = utf8.remaining();
        if (pending.addAndGet(size) > max) {
            overflow();
            return;
        }
        core.sendFrame(new Frame(OpCode.TEXT, utf8.slice()), Callback.from(() -> pending.addAndGet(-size), failed -> pending.addAndGet(-size)), false);
    }

    long pending() {
        return pending.get();
    }

    private synchronized void overflow() {
        if (full) {
            return;
        }
        full = true;
        LOG.warn("Closing {}: {} bytes not taken, past --max-backlog {}", session.getRemoteSocketAddress(), pending.get(), max);
        session.close(StatusCode.TRY_AGAIN_LATER, "backlog full: you are not reading", org.eclipse.jetty.websocket.api.Callback.NOOP);
        // The close frame waits behind everything the peer does not read: cut the connection if it never gets through.
        CompletableFuture.delayedExecutor(closeTimeout, TimeUnit.MILLISECONDS).execute(session::disconnect);
    }
}
