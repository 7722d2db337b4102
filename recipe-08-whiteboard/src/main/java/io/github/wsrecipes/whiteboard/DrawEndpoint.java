package io.github.wsrecipes.whiteboard;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;

import io.github.wsrecipes.support.Backlog;
import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page's connection to the board: it is told its {@code socketid_N}, gets what was drawn so
 * far, and each event it sends is checked, then relayed to everyone else; a refused one gets an
 * error back and goes nowhere. Pings are answered by Jetty, which then reads on by itself. Jetty
 * needs endpoint classes to be public.
 */
public final class DrawEndpoint implements Session.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DrawEndpoint.class);

    private final Board board;
    private final Options options;
    private Session session;
    private SocketAddress peer;
    private Backlog backlog;
    private long id;

    DrawEndpoint(Board board, Options options) {
        this.board = board;
        this.options = options;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.peer = session.getRemoteSocketAddress();
        this.backlog = new Backlog(session, options.maxBacklog, options.closeTimeout);
        try {
            // The listing's greeting, word for word, sent by the board: a page that has its id hears every later event.
            id = board.join(backlog);
        } catch (RedisException e) {
            LOG.warn("Refused {}: the shared board in Redis did not answer: {}", peer, e.getMessage());
            session.close(StatusCode.TRY_AGAIN_LATER, "the board is not available: try again later", Callback.NOOP);
            session.demand(); // to read the peer's answer to our close
            return;
        }
        LOG.info("Connected: {} as socketid_{}", peer, id);
        session.demand();
    }

    @Override
    public void onWebSocketText(String text) {
        if (!options.quiet) {
            LOG.info("Received Message: {}", PeerText.of(text));
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // the one encoding, relayed as it came
        try {
            boolean clear = DrawEvent.CLEAR.equals(DrawEvent.check(utf8));
            if (clear) {
                LOG.info("Board cleared by socketid_{}", id);
            }
            // The next message is read once this one is handed over: a slow Redis slows its senders, nothing piles up.
            board.draw(id, utf8, clear).whenComplete((published, failed) -> {
                if (failed != null) {
                    LOG.warn("Event from socketid_{} not relayed: {}", id, PeerText.of(failed.toString()));
                    backlog.send(DrawEvent.error("the board did not take this event: try again"));
                }
                session.demand();
            });
        } catch (DrawEvent.Invalid refused) {
            LOG.info("Refused from {}: {}", peer, PeerText.of(refused.getMessage()));
            backlog.send(DrawEvent.error(refused.getMessage()));
            session.demand();
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        LOG.info("Received Binary Message of {} bytes from {}: closing, draw events are text", payload.remaining(), peer);
        callback.succeed();
        session.close(StatusCode.BAD_DATA, "binary messages are not draw events: send JSON text", Callback.NOOP);
        session.demand(); // to read the peer's answer to our close
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof ClosedChannelException || cause instanceof EofException) {
            return; // the peer vanished without a close frame: the close line reports 1006
        }
        LOG.info("Error on {}: {}", peer, PeerText.of(cause.toString()));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        LOG.info("Disconnected: {} {} {}", peer, statusCode, PeerText.of(reason));
        if (backlog != null) {
            board.leave(backlog);
        }
        callback.succeed();
    }
}
