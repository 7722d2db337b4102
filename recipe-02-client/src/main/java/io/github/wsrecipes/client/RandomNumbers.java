package io.github.wsrecipes.client;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Session;

/**
 * The original's {@code sendNumber()}: while connected, send a random number, then again after
 * the interval. With a count, close normally (1000) right after the last one: the server's
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
        if (options.binary) {
            outgoing.binary(session, ByteBuffer.allocate(Integer.BYTES).putInt(number).flip());
        } else {
            outgoing.text(session, Integer.toString(number));
        }
        sent++;
        if (options.count > 0 && sent == options.count) {
            whenDone.run();
        } else {
            timer.schedule(this::sendNumber, options.intervalMillis, TimeUnit.MILLISECONDS);
        }
    }
}
