package io.github.wsrecipes.bench;

import java.util.Locale;

/** One run of one scenario against one server: what the benchmark reports. */
record Result(String scenario, String server, long operations, double seconds, Latencies latencies,
              double cpuSeconds, long rssKb, long threads, long lost, long duplicates) {

    double perSecond() {
        return operations / seconds;
    }

    double cpuMicrosPerOperation() {
        return operations == 0 ? Double.NaN : cpuSeconds * 1e6 / operations;
    }

    String json() {
        return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"server\":\"%s\",\"operations\":%d,\"perSecond\":%.0f,"
                        + "\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"cpuUsPerOp\":%.3f,\"rssMb\":%.1f,\"threads\":%d,"
                        + "\"lost\":%d,\"duplicates\":%d}",
                scenario, server, operations, perSecond(), latencies.millis(0.5), latencies.millis(0.99), latencies.millis(1.0),
                cpuMicrosPerOperation(), rssKb / 1024.0, threads, lost, duplicates);
    }
}
