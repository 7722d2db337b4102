package io.github.wsrecipes.whiteboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 08, the same shape as every recipe's. */
@Command(name = "recipe-08-whiteboard", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "A whiteboard a whole class can draw on: relays draw events to every other page (listings 8-15 to 8-17).")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8088;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "one more browser origin that may connect, e.g. http://192.168.1.20:9000 (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;

    @Option(names = "--history", paramLabel = "EVENTS",
            description = "draw events kept for a late joiner; 0 keeps none (default: ${DEFAULT-VALUE})")
    int history = 10_000;

    @Option(names = "--max-backlog", paramLabel = "BYTES",
            description = "bytes a peer may leave unread before it is closed with 1013 (default: ${DEFAULT-VALUE})")
    long maxBacklog = 16L * 1024 * 1024;

    @Option(names = "--max-message-size", paramLabel = "BYTES",
            description = "largest message read at all; a larger one closes with 1009 (default: ${DEFAULT-VALUE})")
    int maxMessageSize = 64 * 1024;

    @Option(names = "--close-timeout", paramLabel = "MS",
            description = "how long a peer has to answer a close frame before it is cut (default: ${DEFAULT-VALUE})")
    long closeTimeout = 5_000;

    @Option(names = "--redis", paramLabel = "URI",
            description = "share the board with every node on this Redis, e.g. redis://localhost:6379 (default: this node alone)")
    URI redis;

    @Option(names = "--quiet", description = "no line per message (connects, closes and errors are still logged)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
        if (history < 0 || history > 1_000_000) {
            throw new ParameterException(cli, "--history must be from 0 to 1000000 events, not " + history);
        }
        // A late joiner is sent the whole history at once: it must fit in its backlog.
        long replay = (long) history * DrawEvent.MAX_BYTES;
        if (maxBacklog < replay + DrawEvent.MAX_BYTES) {
            throw new ParameterException(cli, "--max-backlog must hold the history (" + history + " events of up to "
                    + DrawEvent.MAX_BYTES + " bytes): at least " + (replay + DrawEvent.MAX_BYTES) + ", not " + maxBacklog);
        }
        if (maxMessageSize < DrawEvent.MAX_BYTES) {
            throw new ParameterException(cli, "--max-message-size must be at least " + DrawEvent.MAX_BYTES + " bytes, not " + maxMessageSize);
        }
        CommandLines.checkRedis(cli, redis);
        if (closeTimeout < 0) {
            throw new ParameterException(cli, "--close-timeout must not be negative, not " + closeTimeout);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", history=" + history + ", maxBacklog=" + maxBacklog + ", maxMessageSize=" + maxMessageSize
                + ", closeTimeout=" + closeTimeout + ", redis=" + (redis == null ? "none" : CommandLines.redisAddress(redis)) + ", quiet=" + quiet;
    }

}
