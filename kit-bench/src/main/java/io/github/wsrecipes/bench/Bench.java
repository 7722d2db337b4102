package io.github.wsrecipes.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * kit-bench: each recipe's shape measured side by side with a Node server of the original's
 * shape, in one run, interleaved (Java, Node, Node, Java, …), each figure the median of the runs.
 * One JSON line per run, then a table of medians and the Java ÷ Node ratios.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Options options = new Options();
        options.parse(args).ifPresent(System::exit);
        System.out.println(options.config());
        Path root = Files.isDirectory(Path.of("kit-bench")) ? Path.of(".") : Path.of("..");

        WebSocketClient client = new WebSocketClient();
        client.setMaxTextMessageSize(1 << 20);
        client.start();
        Scenarios scenarios = new Scenarios(client);
        List<Result> results = new ArrayList<>();
        try {
            for (String scenario : options.scenarios) {
                for (int run = 0; run < options.runs; run++) {
                    // Interleaved: Java first in even runs, Node first in odd ones.
                    for (String target : run % 2 == 0 ? List.of("java", "node") : List.of("node", "java")) {
                        Result result = run(scenarios, root, scenario, target, options);
                        if (result != null) {
                            System.out.println(result.json());
                            results.add(result);
                        }
                    }
                }
            }
        } finally {
            client.stop();
        }
        table(results).forEach(System.out::println);
    }

    private static Result run(Scenarios scenarios, Path root, String scenario, String target, Options o) throws Exception {
        Duration length = Duration.ofSeconds(o.seconds);
        boolean java = "java".equals(target);
        String module = switch (scenario) {
            case "echo" -> "recipe-01-server";
            case "broadcast" -> "recipe-03-api-router";
            case "push" -> "recipe-06-server-events";
            case "draw" -> "recipe-08-whiteboard";
            default -> throw new IllegalArgumentException(scenario);
        };
        if (java && !Files.isRegularFile(root.resolve(module + "/target/" + module + ".jar"))) {
            System.out.println("Skipping " + scenario + " on Java: " + module + ".jar is not built (mvn -q package -DskipTests)");
            return null;
        }
        String interval = String.valueOf(o.pushIntervalMs);
        try (ServerProcess server = java
                ? ServerProcess.java(root, module, o.jvmFlags, 1, scenario.equals("push") ? new String[] {"--quiet", "--interval", interval} : new String[] {"--quiet"})
                : ServerProcess.node(root, scenario, scenario.equals("push") ? new String[] {interval} : new String[0])) {
            return switch (scenario) {
                case "echo" -> scenarios.echo(server, o.clients, o.inFlight, length);
                case "broadcast" -> scenarios.relay("broadcast", server, "update-protocol", true, o.clients, o.senders, o.inFlight, length);
                case "draw" -> scenarios.relay("draw", server, "draw-protocol", false, o.clients, o.senders, o.inFlight, length);
                default -> scenarios.push(server, o.idleClients, o.pushes, Duration.ofMillis(o.pushIntervalMs));
            };
        } finally {
            scenarios.disconnectAll();
        }
    }

    /** Medians per scenario and server, and the ratios the README quotes. */
    static List<String> table(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %-24s %10s %9s %9s %9s %8s %8s %5s %s",
                "scenario", "server", "ops/s", "p50 ms", "p99 ms", "µs CPU/op", "RSS MB", "threads", "lost", "duplicates"));
        results.stream().map(r -> r.scenario() + "|" + r.server()).distinct().forEach(key -> {
            List<Result> runs = results.stream().filter(r -> key.equals(r.scenario() + "|" + r.server())).toList();
            lines.add(String.format(Locale.ROOT, "%-10s %-24s %10.0f %9.2f %9.2f %9.2f %8.1f %8.0f %5d %d",
                    runs.get(0).scenario(), runs.get(0).server(), median(runs, Result::perSecond),
                    median(runs, r -> r.latencies().millis(0.5)), median(runs, r -> r.latencies().millis(0.99)),
                    median(runs, Result::cpuMicrosPerOperation), median(runs, r -> r.rssKb() / 1024.0),
                    median(runs, Result::threads), runs.stream().mapToLong(Result::lost).sum(),
                    runs.stream().mapToLong(Result::duplicates).sum()));
        });
        return lines;
    }

    private static double median(List<Result> runs, ToDoubleFunction<Result> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
