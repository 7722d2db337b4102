package io.github.wsrecipes.client;

import java.time.Duration;

/** Reconnect delays: 1 s, 2 s, 4 s … doubling up to 30 s, back to 1 s after a good connection. */
final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private int tries;

    /** The delay before the next try, and counts that try. */
    Duration next() {
        Duration delay = FIRST.multipliedBy(1L << Math.min(tries, 5));
        tries++;
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }

    int tries() {
        return tries;
    }

    void reset() {
        tries = 0;
    }
}
