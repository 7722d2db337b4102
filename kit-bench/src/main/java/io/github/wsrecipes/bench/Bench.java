package io.github.wsrecipes.bench;

import java.net.URI;
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
        Scenarios scenarios = new Scenarios(client, Duration.ofSeconds(options.warmup));
        ChatLoad chat = new ChatLoad(Duration.ofSeconds(options.warmup));
        List<Result> results = new ArrayList<>();
        int failed = 0;
        try {
            for (String scenario : options.scenarios) {
                for (int run = 0; run < options.runs; run++) {
                    // Interleaved: Java first in even runs, Node first in odd ones.
                    for (String target : run % 2 == 0 ? List.of("java", "node") : List.of("node", "java")) {
                        try {
                            Result result = run(scenarios, chat, root, scenario, target, options);
                            if (result != null) {
                                System.out.println(result.json());
                                results.add(result);
                                failed += result.clean() ? 0 : 1;
                            }
                        } catch (Exception e) {
                            // One server that cannot start or a load that breaks: said, counted, and the others still run.
                            System.out.println("Run failed: " + scenario + " on " + target + ": " + e.getMessage()
                                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                            failed++;
                        }
                    }
                }
            }
        } finally {
            chat.stop();
            client.stop();
        }
        table(results).forEach(System.out::println);
        if (failed > 0) {
            System.out.println(failed + " run(s) failed or lost, doubled or refused messages: their figures do not count.");
            System.exit(1);
        }
    }

    private static Result run(Scenarios scenarios, ChatLoad chat, Path root, String scenario, String target, Options o) throws Exception {
        Duration length = Duration.ofSeconds(o.seconds);
        boolean java = "java".equals(target);
        String module = switch (scenario) {
            case "echo" -> "recipe-01-server";
            case "broadcast" -> "recipe-03-api-router";
            case "push" -> "recipe-06-server-events";
            case "draw" -> "recipe-08-whiteboard";
            case "chat", "chat-redis" -> "recipe-07-chat";
            default -> throw new IllegalArgumentException(scenario);
        };
        if (java && !Files.isRegularFile(root.resolve(module + "/target/" + module + ".jar"))) {
            System.out.println("Skipping " + scenario + " on Java: " + module + ".jar is not built (mvn -q package -DskipTests)");
            return null;
        }
        if (scenario.startsWith("chat")) {
            return chat(chat, root, scenario, java, o);
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

    /** {@code chat}: one server; {@code chat-redis}: two nodes over one Redis, the members split between them. */
    private static Result chat(ChatLoad chat, Path root, String scenario, boolean java, Options o) throws Exception {
        boolean redis = "chat-redis".equals(scenario);
        if (redis && !Files.isExecutable(o.redisServer)) {
            System.out.println("Skipping chat-redis: no Redis server at " + o.redisServer + " (apt-get install redis-server, or --redis-server PATH)");
            return null;
        }
        List<ServerProcess> group = new ArrayList<>();
        try {
            List<String> args = new ArrayList<>(List.of("--quiet", "--socketio-port", "0"));
            if (redis) {
                group.add(ServerProcess.redis(o.redisServer));
                args.addAll(List.of("--redis", group.get(0).address(0).toString()));
            }
            int nodes = redis ? 2 : 1;
            List<URI> servers = new ArrayList<>();
            for (int n = 1; n <= nodes; n++) {
                String name = redis ? "node " + n : java ? "recipe-07-chat" : "node chat";
                ServerProcess server = java
                        ? ServerProcess.java(name, root, "recipe-07-chat", o.jvmFlags, 2, args.toArray(String[]::new))
                        : ServerProcess.node(name, root, "chat", redis ? new String[] {group.get(0).address(0).toString()} : new String[0]);
                group.add(server);
                servers.add(server.address(java ? 1 : 0));
            }
            String label = !redis ? group.get(0).name() : (java ? "recipe-07-chat" : "node chat") + " ×2 + redis";
            return chat.run(scenario, label, redis ? List.of(group.get(1), group.get(2), group.get(0)) : group, servers,
                    o.members, o.rate, Duration.ofSeconds(o.seconds));
        } finally {
            chat.disconnectAll();
            for (int i = group.size() - 1; i >= 0; i--) {
                group.get(i).close();
            }
        }
    }

    /** Medians per scenario and server, with the spread (min–max) of the runs, and each process of a group apart. */
    static List<String> table(List<Result> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %-26s %4s %-17s %9s %-19s %-17s %8s %8s %8s %s",
                "scenario", "server", "runs", "ops/s", "p50 ms", "p99 ms", "µs CPU/op", "RSS MB", "threads", "start ms", "lost/dup/failed"));
        results.stream().map(r -> r.scenario() + "|" + r.server()).distinct().forEach(key -> {
            List<Result> runs = results.stream().filter(r -> key.equals(r.scenario() + "|" + r.server())).toList();
            lines.add(String.format(Locale.ROOT, "%-10s %-26s %4d %-17s %9.2f %-19s %-17s %8.1f %8.0f %8.0f %d/%d/%d",
                    runs.get(0).scenario(), runs.get(0).server(), runs.size(), spread(runs, Result::perSecond, "%.0f"),
                    median(runs, r -> r.latencies().millis(0.5)), spread(runs, r -> r.latencies().millis(0.99), "%.1f"),
                    spread(runs, Result::cpuMicrosPerOperation, "%.2f"), median(runs, r -> r.rssKb() / 1024.0),
                    median(runs, Result::threads), median(runs, Result::startMillis), runs.stream().mapToLong(Result::lost).sum(),
                    runs.stream().mapToLong(Result::duplicates).sum(), runs.stream().mapToLong(Result::failures).sum()));
            runs.get(0).cpuSecondsByProcess().keySet().forEach(process -> lines.add(String.format(Locale.ROOT,
                    "%-10s   %-24s %4s %-17s %9s %-19s %-17s", "", "of which " + process, "", "", "", "",
                    spread(runs, r -> r.cpuMicrosPerOperation(process), "%.2f"))));
        });
        return lines;
    }

    /** "median (min–max)" of the runs. */
    private static String spread(List<Result> runs, ToDoubleFunction<Result> value, String format) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(runs, value), sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(List<Result> runs, ToDoubleFunction<Result> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
