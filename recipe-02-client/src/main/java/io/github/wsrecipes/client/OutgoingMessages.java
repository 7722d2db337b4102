package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Sends text and binary messages the way WebSocket-Node's {@code send()} did (listing 8-4): a
 * string goes out as a text message, bytes as a binary one, and with fragmentOutgoingMessages
 * anything over fragmentationThreshold bytes is split into frames of at most that size. Jetty has
 * no outgoing threshold of its own, so the split is done here with its partial-message sends.
 *
 * <p>Each send completes when its last frame has been written. The caller starts the next message
 * only then: a message sent while another is still going out in frames would break that message
 * (RFC 6455 allows no data frames of another message between its fragments).
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

    CompletableFuture<Void> text(Session session, String text) {
        List<String> pieces = fragment ? textPieces(text) : List.of(text);
        CompletableFuture<Void> sent = reported(new CompletableFuture<>());
        if (pieces.size() == 1) {
            session.sendText(text, completing(sent, () -> sent.complete(null)));
        } else {
            sendTextFrames(session, pieces, 0, sent);
        }
        return sent;
    }

    CompletableFuture<Void> binary(Session session, ByteBuffer bytes) {
        CompletableFuture<Void> sent = reported(new CompletableFuture<>());
        if (!fragment || bytes.remaining() <= frameSize) {
            session.sendBinary(bytes, completing(sent, () -> sent.complete(null)));
        } else {
            sendBinaryFrames(session, bytes, sent);
        }
        return sent;
    }

    // One frame at a time: the next partial send starts when the previous one has been written.
    private void sendTextFrames(Session session, List<String> pieces, int index, CompletableFuture<Void> sent) {
        boolean last = index == pieces.size() - 1;
        Runnable next = last ? () -> sent.complete(null) : () -> sendTextFrames(session, pieces, index + 1, sent);
        session.sendPartialText(pieces.get(index), last, completing(sent, next));
    }

    private void sendBinaryFrames(Session session, ByteBuffer rest, CompletableFuture<Void> sent) {
        ByteBuffer piece = rest.slice();
        piece.limit(Math.min(frameSize, rest.remaining()));
        rest.position(rest.position() + piece.remaining());
        boolean last = !rest.hasRemaining();
        Runnable next = last ? () -> sent.complete(null) : () -> sendBinaryFrames(session, rest, sent);
        session.sendPartialBinary(piece, last, completing(sent, next));
    }

    private static Callback completing(CompletableFuture<Void> sent, Runnable next) {
        return Callback.from(next, sent::completeExceptionally);
    }

    // A message that cannot go out is said so, never dropped in silence.
    private CompletableFuture<Void> reported(CompletableFuture<Void> sent) {
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                out.println("Send Error: " + failure);
            }
        });
        return sent;
    }

    // The threshold counts bytes as they go on the wire (UTF-8), not Java chars: "é" is 2 bytes,
    // and a frame measured in chars could outgrow the max frame size, which Jetty refuses to send.
    // A piece never ends inside a character, so each frame carries whole characters.
    private List<String> textPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            int size = utf8Bytes(codePoint);
            if (bytes + size > frameSize && index > start) {
                pieces.add(text.substring(start, index));
                start = index;
                bytes = 0;
            }
            bytes += size;
            index += Character.charCount(codePoint);
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int utf8Bytes(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
