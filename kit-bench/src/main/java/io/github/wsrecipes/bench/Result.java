package io.github.wsrecipes.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One run of one scenario against one server: what the benchmark reports. */
record Result(String scenario, String server, long operations, double seconds, Latencies latencies,
              double cpuSeconds, long rssKb, long threads, long lost, long duplicates, long failures,
              Map<String, Double> cpuSecondsByProcess, double loadBefore, double loadAfter,
              double startMillis) {

    /** A run counts only when nothing was lost, doubled or refused. */
    boolean clean() {
        return lost == 0 && duplicates == 0 && failures == 0;
    }

    /** CPU µs per operation of one process of a group, e.g. one chat node or Redis. */
    double cpuMicrosPerOperation(String process) {
        Double seconds = cpuSecondsByProcess.get(process);
        return operations == 0 || seconds == null ? Double.NaN : seconds * 1e6 / operations;
    }

    double perSecond() {
        return operations / seconds;
    }

    double cpuMicrosPerOperation() {
        return operations == 0 ? Double.NaN : cpuSeconds * 1e6 / operations;
    }

    String json() {
        return String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"server\":\"%s\",\"operations\":%d,\"perSecond\":%.0f,"
                        + "\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"cpuUsPerOp\":%.3f,\"rssMb\":%.1f,\"threads\":%d,"
                        + "\"lost\":%d,\"duplicates\":%d,\"failures\":%d,\"load1Before\":%.2f,\"load1After\":%.2f,\"startMs\":%.0f%s}",
                scenario, server, operations, perSecond(), latencies.millis(0.5), latencies.millis(0.99), latencies.millis(1.0),
                cpuMicrosPerOperation(), rssKb / 1024.0, threads, lost, duplicates, failures, loadBefore, loadAfter, startMillis,
                cpuSecondsByProcess.isEmpty() ? "" : cpuSecondsByProcess.keySet().stream()
                        .map(process -> String.format(Locale.ROOT, "\"%s\":%.3f", process, cpuMicrosPerOperation(process)))
                        .collect(Collectors.joining(",", ",\"cpuUsPerOpByProcess\":{", "}")));
    }
}
