package io.github.wsrecipes.client;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Session;

/**
 * The original's {@code sendNumber()}: while connected, send a random number, then again after
 * the interval. With a count, close normally (1000) once the last one is written: the server's
 * echoes were sent before its answer to our close frame, so every echo still arrives.
 */
final class RandomNumbers {

    private final Session session;
    private final ClientOptions options;
    private final OutgoingMessages outgoing;
    private final Runnable whenDone;
    private final ScheduledExecutorService timer;
    private int sent;

    RandomNumbers(Session session, ClientOptions options, OutgoingMessages outgoing, Runnable whenDone,
            ScheduledExecutorService timer) {
        this.session = session;
        this.options = options;
        this.outgoing = outgoing;
        this.whenDone = whenDone;
        this.timer = timer;
    }

    void start() {
        timer.execute(this::sendNumber);
    }

    private void sendNumber() {
        if (!session.isOpen()) {
            return; // the original checked connection.connected: a closed connection ends the loop
        }
        int number = ThreadLocalRandom.current().nextInt(0x1000000);
        CompletableFuture<Void> written = options.binary
                ? outgoing.binary(session, ByteBuffer.allocate(Integer.BYTES).putInt(number).flip())
                : outgoing.text(session, Integer.toString(number));
        sent++;
        // After the last frame of this number is out: a close or the next number sent sooner
        // would land between the frames of a number split by a small --fragmentation-threshold.
        if (options.count > 0 && sent == options.count) {
            written.whenComplete((ok, failure) -> whenDone.run());
        } else {
            written.whenComplete((ok, failure) ->
                    timer.schedule(this::sendNumber, options.intervalMillis, TimeUnit.MILLISECONDS));
        }
    }
}
