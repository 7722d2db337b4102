package io.github.wsrecipes.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** kit-bench's command line; every load is bounded in count and time. */
@Command(name = "kit-bench", mixinStandardHelpOptions = true, sortOptions = false, version = "kit-bench",
        description = "Measures each recipe's server beside a Node server of the original's shape, on loopback.")
final class Options {

    static final List<String> SCENARIOS = List.of("echo", "broadcast", "draw", "push", "chat", "chat-redis");

    @Option(names = "--scenario", split = ",", description = "echo, broadcast, draw, push, chat, chat-redis (default: all that are built)")
    List<String> scenarios = new ArrayList<>(SCENARIOS);

    @Option(names = "--runs", description = "runs per server, interleaved (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--seconds", description = "length of each echo, broadcast or draw run (default: ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--warmup", description = "seconds at the start of each run that are not measured, at most half of it (default: ${DEFAULT-VALUE})")
    int warmup = 2;

    @Option(names = "--clients", description = "clients of echo, broadcast and draw (default: ${DEFAULT-VALUE})")
    int clients = 10;

    @Option(names = "--senders", description = "senders among them for broadcast and draw (default: ${DEFAULT-VALUE})")
    int senders = 10;

    @Option(names = "--in-flight", description = "messages each client or sender keeps on the way (default: ${DEFAULT-VALUE})")
    int inFlight = 32;

    @Option(names = "--idle-clients", description = "connections that receive the pushes (default: ${DEFAULT-VALUE})")
    int idleClients = 1000;

    @Option(names = "--pushes", description = "pushes measured per push run (default: ${DEFAULT-VALUE})")
    int pushes = 5;

    @Option(names = "--push-interval", paramLabel = "MS", description = "the servers' push interval (default: ${DEFAULT-VALUE})")
    int pushIntervalMs = 1000;

    @Option(names = "--members", description = "chat members, each sending --rate messages a second (default: ${DEFAULT-VALUE})")
    int members = 100;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "messages a second each chat member sends; recipe 07 allows 2 (20 per 10 s), so at most 1.8 (default: ${DEFAULT-VALUE})")
    double rate = 1.5;

    @Option(names = "--redis-server", paramLabel = "PATH", description = "the redis-server binary chat-redis starts (default: ${DEFAULT-VALUE})")
    Path redisServer = Path.of("/usr/bin/redis-server");

    @Option(names = "--jvm-flag", description = "a flag for the Java servers' JVM (repeatable), e.g. -Xmx256m")
    List<String> jvmFlags = new ArrayList<>();

    OptionalInt parse(String... args) {
        CommandLine cli = new CommandLine(this);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return OptionalInt.of(0);
            }
            if (runs < 1 || seconds < 1 || warmup < 0 || seconds > 300 || clients < 2 || clients > 20_000 || idleClients > 20_000
                    || senders < 1 || senders > clients || inFlight < 1 || pushes < 1 || members < 2 || members > 2_000
                    || !(rate > 0 && rate <= 1.8)) {
                throw new ParameterException(cli, "out of range: runs >= 1, 1 <= seconds <= 300, 2 <= clients <= 20000, "
                        + "1 <= senders <= clients, 2 <= members <= 2000, 0 < rate <= 1.8");
            }
            if (!SCENARIOS.containsAll(scenarios)) {
                throw new ParameterException(cli, "unknown scenario in " + scenarios + "; the scenarios are " + SCENARIOS);
            }
            return OptionalInt.empty();
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return OptionalInt.of(2);
        }
    }

    String config() {
        return "Config: scenarios=" + scenarios + ", runs=" + runs + ", seconds=" + seconds + ", warmup=" + warmup + ", clients=" + clients
                + ", senders=" + senders + ", inFlight=" + inFlight + ", idleClients=" + idleClients + ", pushes=" + pushes
                + ", pushInterval=" + pushIntervalMs + ", members=" + members + ", rate=" + rate + ", jvmFlags=" + jvmFlags;
    }
}
