package io.github.wsrecipes.events;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 06, the same shape as every recipe's. */
@Command(name = "recipe-06-server-events", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "Pushes the server's status to every open WebSocket from one timer, and charts it in a page (listing 8-12).")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8086;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "one more browser origin that may connect, e.g. http://192.168.1.20:9000 (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;

    @Option(names = "--interval", paramLabel = "MS", description = "time between two pushes to every client (default: ${DEFAULT-VALUE})")
    long interval = 5_000;

    @Option(names = "--max-backlog", paramLabel = "BYTES",
            description = "bytes a client may leave unread; past it the client is closed with 1013 (default: ${DEFAULT-VALUE})")
    long maxBacklog = 64 * 1024;

    @Option(names = "--broken", description = "the original's shape, to show its leak: a timer per connection, closed ones never removed")
    boolean broken;

    @Option(names = "--close-timeout", paramLabel = "MS",
            description = "on stop, how long peers have to answer the close frame (default: ${DEFAULT-VALUE})")
    long closeTimeout = 5_000;

    @Option(names = "--quiet", description = "no line per message (connects, closes and errors are still logged)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
        if (interval < 1) {
            throw new ParameterException(cli, "--interval must be at least 1 ms, not " + interval);
        }
        if (maxBacklog < 1024) {
            throw new ParameterException(cli, "--max-backlog must be at least 1024 bytes, not " + maxBacklog);
        }
        if (closeTimeout < 0) {
            throw new ParameterException(cli, "--close-timeout must not be negative, not " + closeTimeout);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", interval=" + interval + ", maxBacklog=" + maxBacklog + ", broken=" + broken + ", closeTimeout=" + closeTimeout + ", quiet=" + quiet;
    }
}
