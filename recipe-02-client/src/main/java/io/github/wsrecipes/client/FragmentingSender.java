package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * WebSocket-Node's {@code send()} (listing 8-4) with fragmentOutgoingMessages (Jetty has no outgoing
 * threshold). RFC 6455 allows no frame of another message between the frames of one, so a frame
 * goes when the one before it is written, and a message when the message before it is written.
 */
final class FragmentingSender {

    private final Session session;
    private final PrintStream out;
    private final boolean fragment;
    private final int frameSize;
    private CompletableFuture<Void> lastMessage = CompletableFuture.completedFuture(null); // guarded by this

    FragmentingSender(Session session, ClientOptions options, PrintStream out) {
        this.session = session;
        this.out = out;
        this.fragment = options.fragmentOutgoingMessages;
        // Jetty holds what it sends to its one max frame size too, so frames never grow past it.
        this.frameSize = (int) Math.min(options.fragmentationThreshold, options.maxFrameSize);
    }

    CompletableFuture<Void> text(String text) {
        return send(fragment ? textFrames(text) : List.of(text));
    }

    CompletableFuture<Void> binary(ByteBuffer bytes) {
        List<Object> frames = new ArrayList<>();
        do {
            ByteBuffer frame = bytes.slice();
            frame.limit(fragment ? Math.min(frameSize, bytes.remaining()) : bytes.remaining());
            bytes.position(bytes.position() + frame.remaining());
            frames.add(frame);
        } while (bytes.hasRemaining());
        return send(frames);
    }

    private synchronized CompletableFuture<Void> send(List<Object> frames) {
        lastMessage = lastMessage.handle((ok, failure) -> null).thenCompose(previousIsOut -> {
            CompletableFuture<Void> written = new CompletableFuture<>();
            sendFrame(frames, 0, written);
            return written;
        });
        return lastMessage.whenComplete((ok, failure) -> {
            if (failure != null) { // said, never dropped in silence
                out.println("Send Error: " + PeerText.of(String.valueOf(failure.getCause() == null ? failure : failure.getCause())));
            }
        });
    }

    private void sendFrame(List<Object> frames, int index, CompletableFuture<Void> written) {
        boolean last = index == frames.size() - 1;
        Callback next = Callback.from(() -> {
            if (last) {
                written.complete(null);
            } else {
                sendFrame(frames, index + 1, written);
            }
        }, written::completeExceptionally);
        if (frames.get(index) instanceof String text) {
            session.sendPartialText(text, last, next);
        } else {
            session.sendPartialBinary((ByteBuffer) frames.get(index), last, next);
        }
    }

    // The threshold counts UTF-8 bytes as they go on the wire, not Java chars ("é" is 2 bytes),
    // and a frame never ends inside a character.
    private List<Object> textFrames(String text) {
        List<Object> frames = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int index = 0; index < text.length(); index += Character.charCount(text.codePointAt(index))) {
            int codePoint = text.codePointAt(index);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > frameSize && index > start) {
                frames.add(text.substring(start, index));
                start = index;
                bytes = 0;
            }
            bytes += size;
        }
        frames.add(text.substring(start));
        return frames;
    }
}
