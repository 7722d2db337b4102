package io.github.wsrecipes.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 05, the same shape as every recipe's. */
@Command(name = "recipe-05-browser", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "Serves a page that shows the browser's WebSocket API live, and echoes what it sends (listing 8-11).")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8085;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "one more browser origin that may connect, e.g. http://192.168.1.20:9000 (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;

    @Option(names = "--max-message-size", paramLabel = "BYTES",
            description = "largest message a page may send; a larger one closes with 1009 (default: ${DEFAULT-VALUE})")
    int maxMessageSize = 16 * 1024 * 1024;

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
        if (maxMessageSize < 125) {
            throw new ParameterException(cli, "--max-message-size must be at least 125 bytes, not " + maxMessageSize);
        }
        if (closeTimeout < 0) {
            throw new ParameterException(cli, "--close-timeout must not be negative, not " + closeTimeout);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", maxMessageSize=" + maxMessageSize + ", closeTimeout=" + closeTimeout + ", quiet=" + quiet;
    }
}
