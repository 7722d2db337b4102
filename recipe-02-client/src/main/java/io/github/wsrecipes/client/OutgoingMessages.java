package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends text and binary messages the way WebSocket-Node's {@code send()} did (listing 8-4): a
 * string goes out as a text message, bytes as a binary one, and with fragmentOutgoingMessages
 * anything over fragmentationThreshold is split into frames of that size. Jetty has no outgoing
 * threshold of its own, so the split is done here with its partial-message sends.
 */
final class OutgoingMessages {

    private final PrintStream out;
    private final boolean fragment;
    private final int frameSize;

    OutgoingMessages(ClientOptions options, PrintStream out) {
        this.out = out;
        this.fragment = options.fragmentOutgoingMessages;
        // Jetty's one max frame size limits what we send too (WebSocket-Node's only limited what
        // it received), so frames never grow past it.
        this.frameSize = (int) Math.min(options.fragmentationThreshold, options.maxFrameSize);
    }

    void text(Session session, String text) {
        if (!fragment || text.length() <= frameSize) {
            session.sendText(text, reportFailure(() -> { }));
            return;
        }
        sendTextFrames(session, textPieces(text), 0);
    }

    void binary(Session session, ByteBuffer bytes) {
        if (!fragment || bytes.remaining() <= frameSize) {
            session.sendBinary(bytes, reportFailure(() -> { }));
            return;
        }
        sendBinaryFrames(session, bytes);
    }

    // One frame at a time: the next partial send starts when the previous one has been written.
    private void sendTextFrames(Session session, List<String> pieces, int index) {
        boolean last = index == pieces.size() - 1;
        Runnable next = last ? () -> { } : () -> sendTextFrames(session, pieces, index + 1);
        session.sendPartialText(pieces.get(index), last, reportFailure(next));
    }

    private void sendBinaryFrames(Session session, ByteBuffer rest) {
        ByteBuffer piece = rest.slice();
        piece.limit(Math.min(frameSize, rest.remaining()));
        rest.position(rest.position() + piece.remaining());
        boolean last = !rest.hasRemaining();
        Runnable next = last ? () -> { } : () -> sendBinaryFrames(session, rest);
        session.sendPartialBinary(piece, last, reportFailure(next));
    }

    // A message that cannot go out is said so, never dropped in silence.
    private Callback reportFailure(Runnable next) {
        return Callback.from(next, failure -> out.println("Send Error: " + failure));
    }

    // Splits by characters (bytes, for ASCII), never between the two halves of a surrogate pair.
    private List<String> textPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + frameSize, text.length());
            if (end < text.length() && end - start > 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
