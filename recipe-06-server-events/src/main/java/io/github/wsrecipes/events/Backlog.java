package io.github.wsrecipes.events;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * What one client has been sent but not yet taken: counted up before each send, down in its callback.
 * Past the bound the client is closed with 1013 instead of growing the heap.
 */
final class Backlog {

    private static final Logger LOG = LoggerFactory.getLogger(Backlog.class);

    private final Session session;
    private final long max;
    private final AtomicLong queued = new AtomicLong();

    Backlog(Session session, long max) {
        this.session = session;
        this.max = max;
    }

    /** Queues these bytes as one text frame; false, and nothing queued, when that would pass the bound. */
    boolean send(ByteBuffer utf8) {
        int size = utf8.remaining();
        if (queued.addAndGet(size) > max) {
            queued.addAndGet(-size);
            return false;
        }
        // Jetty's core session takes a ready-made frame (Session.sendText would encode each time);
        // slice(): every client reads the shared bytes through a position of its own.
        ((WebSocketSession) session).getCoreSession().sendFrame(new Frame(OpCode.TEXT, utf8.slice()),
                Callback.from(() -> queued.addAndGet(-size), failed -> queued.addAndGet(-size)), false);
        return true;
    }

    /** 1013 says why; a client that reads nothing never takes that frame either, so cut it after the close timeout. */
    void closeFull(ScheduledExecutorService timer, long closeTimeoutMs) {
        LOG.warn("Closing {}: backlog full, {} bytes unread (--max-backlog {})", session.getRemoteSocketAddress(), queued.get(), max);
        session.close(StatusCode.TRY_AGAIN_LATER, "backlog full: you are not reading", org.eclipse.jetty.websocket.api.Callback.NOOP);
        timer.schedule(session::disconnect, closeTimeoutMs, TimeUnit.MILLISECONDS);
    }
}
