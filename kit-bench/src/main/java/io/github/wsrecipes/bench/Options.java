package io.github.wsrecipes.bench;

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

    @Option(names = "--scenario", split = ",", description = "echo, broadcast, push, draw (default: all that are built)")
    List<String> scenarios = new ArrayList<>(List.of("echo", "broadcast", "draw", "push"));

    @Option(names = "--runs", description = "runs per server, interleaved (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--seconds", description = "length of each echo, broadcast or draw run (default: ${DEFAULT-VALUE})")
    int seconds = 10;

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

    @Option(names = "--jvm-flag", description = "a flag for the Java servers' JVM (repeatable), e.g. -Xmx256m")
    List<String> jvmFlags = new ArrayList<>();

    OptionalInt parse(String... args) {
        CommandLine cli = new CommandLine(this);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return OptionalInt.of(0);
            }
            if (runs < 1 || seconds < 1 || seconds > 300 || clients < 2 || clients > 20_000 || idleClients > 20_000
                    || senders < 1 || senders > clients || inFlight < 1 || pushes < 1) {
                throw new ParameterException(cli, "out of range: runs >= 1, 1 <= seconds <= 300, 2 <= clients <= 20000, 1 <= senders <= clients");
            }
            return OptionalInt.empty();
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return OptionalInt.of(2);
        }
    }

    String config() {
        return "Config: scenarios=" + scenarios + ", runs=" + runs + ", seconds=" + seconds + ", clients=" + clients
                + ", senders=" + senders + ", inFlight=" + inFlight + ", idleClients=" + idleClients + ", pushes=" + pushes
                + ", pushInterval=" + pushIntervalMs + ", jvmFlags=" + jvmFlags;
    }
}
