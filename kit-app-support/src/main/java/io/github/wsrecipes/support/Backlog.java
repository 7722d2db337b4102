package io.github.wsrecipes.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one peer has been sent but not yet taken, in bytes: counted up before a send, down in its
 * callback. A sender never waits for a slow peer; past the bound the peer is closed with 1013, logged
 * once, sent nothing more, and cut off after the close timeout if it does not read the close either.
 */
public final class Backlog {

    private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

    private final Session session;
    private final long max;
    private final long closeTimeout;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean full = new AtomicBoolean();

    public Backlog(Session session, long max, long closeTimeout) {
        this.session = session;
        this.max = max;
        this.closeTimeout = closeTimeout;
    }

    public boolean send(String text) {
        return send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Queues UTF-8 bytes (encoded once for every peer) as one text frame; false once the peer is cut off. */
    public boolean send(ByteBuffer utf8) {
        return send(utf8, false);
    }

    /** The same; with {@code more}, the frame waits for the next one sent to this peer, and both leave in one write. */
    public boolean send(ByteBuffer utf8, boolean more) {
        int size = utf8.remaining();
        long before = queued.getAndAdd(size);
        if (full.get() || before > 0 && before + size > max) { // an empty backlog takes any one message
            queued.addAndGet(-size);
            if (full.compareAndSet(false, true)) {
                LOG.warn("Closing {} with 1013: {} bytes sent and not yet taken (--max-backlog {})", session.getRemoteSocketAddress(), before, max);
                session.close(StatusCode.TRY_AGAIN_LATER, "backlog full: you are not reading", org.eclipse.jetty.websocket.api.Callback.NOOP);
                CompletableFuture.delayedExecutor(closeTimeout, TimeUnit.MILLISECONDS).execute(session::disconnect);
            }
            return false;
        }
        // Jetty's core session sends bytes we already hold; slice(): each peer reads them through a position of its own.
        Runnable taken = () -> queued.addAndGet(-size);
        ((WebSocketSession) session).getCoreSession().sendFrame(new Frame(OpCode.TEXT, utf8.slice()), Callback.from(taken, failure -> taken.run()), more);
        return true;
    }
}
