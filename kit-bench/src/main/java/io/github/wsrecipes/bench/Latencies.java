package io.github.wsrecipes.bench;

import java.util.Arrays;

/** Every latency of a run, in nanoseconds, for percentiles at the end. */
final class Latencies {

    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The samples from this one on, e.g. those after the warm-up. */
    synchronized Latencies since(int from) {
        Latencies later = new Latencies();
        later.samples = Arrays.copyOfRange(samples, Math.min(from, count), Math.max(count, from + 1));
        later.count = Math.max(0, count - from);
        return later;
    }

    /** The value at this quantile (0.5, 0.99, 1.0) in milliseconds. */
    synchronized double millis(double quantile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(quantile * count) - 1)] / 1e6;
    }
}
