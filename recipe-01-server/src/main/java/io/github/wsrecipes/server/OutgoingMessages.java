package io.github.wsrecipes.server;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * WebSocket-Node's {@code fragmentOutgoingMessages} / {@code fragmentationThreshold}: a message over
 * the threshold goes out as frames of at most that many bytes. Jetty splits only at its own max
 * frame size (here also the incoming limit), so the recipe cuts with the partial-message sends.
 *
 * <p>One frame at a time: the next is handed to Jetty when the last is written, and {@code done}
 * completes after the last. Queuing every frame at once is safe only while Jetty's queue has no
 * bound: under {@code setMaxOutgoingFrames} the frames past it fail and half a message is sent.
 */
final class OutgoingMessages {

    private final int frameSize;

    OutgoingMessages(Options options) {
        // Jetty sends no frame above its one max frame size, which is also the incoming limit.
        this.frameSize = options.fragmentOutgoingMessages
                ? Math.min(options.fragmentationThreshold, options.maxReceivedFrameSize) : options.maxReceivedFrameSize;
    }

    void text(Session session, String text, Callback done) {
        text(session, text, 0, done);
    }

    private void text(Session session, String text, int start, Callback done) {
        int end = endOfFrame(text, start);
        boolean last = end == text.length();
        session.sendPartialText(text.substring(start, end), last,
                last ? done : Callback.from(() -> text(session, text, end, done), done::fail));
    }

    /** {@code done} completes after the last frame is written: only then may the payload be reused. */
    void binary(Session session, ByteBuffer rest, Callback done) {
        ByteBuffer frame = rest.slice(rest.position(), Math.min(frameSize, rest.remaining()));
        rest.position(rest.position() + frame.remaining());
        boolean last = !rest.hasRemaining();
        session.sendPartialBinary(frame, last, last ? done : Callback.from(() -> binary(session, rest, done), done::fail));
    }

    /** The threshold counts UTF-8 bytes on the wire, and a frame never ends inside a character. */
    private int endOfFrame(String text, int start) {
        int bytes = 0;
        int end = start;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > frameSize && end > start) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return end;
    }
}
