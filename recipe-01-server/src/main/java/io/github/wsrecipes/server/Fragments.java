package io.github.wsrecipes.server;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends a message as frames of at most {@code threshold} bytes, like WebSocket-Node's
 * {@code fragmentOutgoingMessages} / {@code fragmentationThreshold}.
 *
 * <p>Jetty would only split a frame at its own {@code maxFrameSize}, which here is the limit on
 * incoming frames; so the recipe cuts messages itself with the partial-send API. Jetty queues
 * frames in the order they are handed over, so all frames of one message are queued before the
 * next message is read: two messages' frames never interleave.
 */
final class Fragments {

    private final int threshold;

    Fragments(int threshold) {
        this.threshold = threshold;
    }

    void sendText(Session session, String text, Callback done) {
        int start = 0;
        do {
            int end = endOfFrame(text, start);
            boolean last = end == text.length();
            session.sendPartialText(text.substring(start, end), last, last ? done : Callback.NOOP);
            start = end;
        } while (start < text.length());
    }

    /** {@code done} completes after the last frame went out: only then may the payload be reused. */
    void sendBinary(Session session, ByteBuffer payload, Callback done) {
        int start = payload.position();
        do {
            int end = Math.min(payload.limit(), start + threshold);
            boolean last = end == payload.limit();
            session.sendPartialBinary(payload.slice(start, end - start), last, last ? done : Callback.NOOP);
            start = end;
        } while (start < payload.limit());
    }

    /** The end of the longest run of whole characters from {@code start} that fits the threshold in UTF-8. */
    private int endOfFrame(String text, int start) {
        int bytes = 0;
        int end = start;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > threshold && end > start) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return end;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
