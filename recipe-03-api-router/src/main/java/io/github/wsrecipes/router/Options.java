package io.github.wsrecipes.router;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 03, the same shape as every recipe's. */
@Command(name = "recipe-03-api-router", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = CommandLines.ManifestVersion.class,
        description = "Routes WebSocket connections by subprotocol and JSON messages by path (listings 8-5 to 8-8).")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8083;
    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";
    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", description = "one more browser origin that may connect (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();
    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;
    @Option(names = "--max-message-size", paramLabel = "BYTES", description = "largest message; a larger one closes with 1009 (default: ${DEFAULT-VALUE})")
    int maxMessageSize = 64 * 1024;
    @Option(names = "--max-backlog", paramLabel = "BYTES", description = "updates a client may leave unread; past it, 1013 (default: ${DEFAULT-VALUE})")
    long maxBacklog = 1024 * 1024;
    @Option(names = "--close-timeout", paramLabel = "MS", description = "on stop, how long peers have to answer the close frame (default: ${DEFAULT-VALUE})")
    long closeTimeout = 5_000;
    @Option(names = "--quiet", description = "no line per message (connects, closes and errors are still logged)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, cli -> {
            CommandLines.checkPort(cli, "--port", port);
            check(cli, maxMessageSize >= 125, "--max-message-size must be at least 125 bytes, not " + maxMessageSize);
            check(cli, maxBacklog >= 1, "--max-backlog must be at least 1 byte, not " + maxBacklog);
            check(cli, closeTimeout >= 0, "--close-timeout must not be negative, not " + closeTimeout);
        }, args);
    }

    private static void check(CommandLine cli, boolean valid, String problem) {
        if (!valid) {
            throw new ParameterException(cli, problem);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", maxMessageSize=" + maxMessageSize + ", maxBacklog=" + maxBacklog + ", closeTimeout=" + closeTimeout + ", quiet=" + quiet;
    }
}
