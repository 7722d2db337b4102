package io.github.wsrecipes.server;

import java.lang.reflect.Field;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command line of recipe 01: WebSocket-Node's server options (table 8-1) as flags, named in
 * kebab case so the book can lie beside the terminal. Sizes in bytes, times in milliseconds, and
 * WebSocket-Node's defaults.
 */
@Command(name = "recipe-01-server", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        versionProvider = Options.ManifestVersion.class,
        description = "A WebSocket echo server on Jetty, configured like WebSocket-Node (listing 8-1, table 8-1).")
public final class Options {

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect")
    String host = "localhost";
    @Option(names = "--port", description = "TCP port; 0 picks a free one")
    int port = 8081;
    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "one more browser origin that may connect, e.g. http://192.168.1.20:9000 (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();
    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;
    @Option(names = "--auto-accept-connections", description = "accept every upgrade, any origin, any subprotocol")
    boolean autoAcceptConnections;
    @Option(names = {"--max-received-frame-size", "--max-frame-size"}, paramLabel = "BYTES",
            description = "largest incoming frame; a larger one closes with 1009")
    int maxReceivedFrameSize = 64 * 1024;
    @Option(names = {"--max-received-message-size", "--max-message-size"}, paramLabel = "BYTES",
            description = "largest incoming message, all frames together; larger closes with 1009")
    int maxReceivedMessageSize = 1024 * 1024;
    @Option(names = "--assemble-fragments", negatable = true, fallbackValue = "true",
            description = "deliver whole messages; --no-assemble-fragments echoes frame by frame")
    boolean assembleFragments = true;
    @Option(names = "--fragment-outgoing-messages", negatable = true, fallbackValue = "true",
            description = "split outgoing messages over the threshold into frames")
    boolean fragmentOutgoingMessages = true;
    @Option(names = "--fragmentation-threshold", paramLabel = "BYTES", description = "largest outgoing frame when fragmenting")
    int fragmentationThreshold = 16 * 1024;
    @Option(names = "--keepalive", negatable = true, fallbackValue = "true",
            description = "ping every peer every keepalive interval")
    boolean keepalive = true;
    @Option(names = "--keepalive-interval", paramLabel = "MS", description = "time between pings")
    long keepaliveInterval = 20_000;
    @Option(names = "--keepalive-grace-period", paramLabel = "MS", description = "how long a pong may take after a ping")
    long keepaliveGracePeriod = 10_000;
    @Option(names = "--drop-connection-on-keepalive-timeout", negatable = true, fallbackValue = "true",
            description = "drop a peer whose pong is late; otherwise only log it")
    boolean dropConnectionOnKeepaliveTimeout = true;
    @Option(names = "--use-native-keepalive", negatable = true, fallbackValue = "true",
            description = "TCP keepalive probes after the interval instead of pings")
    boolean useNativeKeepalive;
    @Option(names = "--disable-nagle-algorithm", negatable = true, fallbackValue = "true",
            description = "send small frames at once, TCP_NODELAY")
    boolean disableNagleAlgorithm = true;
    @Option(names = "--close-timeout", paramLabel = "MS",
            description = "on stop, how long peers have to answer the close frame")
    long closeTimeout = 5_000;
    @Option(names = "--quiet", description = "no line per message (connects, closes and errors are still logged)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        CommandLine cli = new CommandLine(this);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return OptionalInt.of(0);
            }
            validate(cli);
            return OptionalInt.empty();
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return OptionalInt.of(2);
        }
    }

    private void validate(CommandLine cli) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(cli, "--port must be from 0 (any free port) to 65535, not " + port);
        }
        // Jetty's one frame limit also caps what it sends, and a close frame may carry 125 bytes.
        if (maxReceivedFrameSize < 125) {
            throw new ParameterException(cli, "--max-received-frame-size must be at least 125 bytes, not " + maxReceivedFrameSize);
        }
        if (maxReceivedMessageSize < 1 || fragmentationThreshold < 1) {
            throw new ParameterException(cli, "--max-received-message-size and --fragmentation-threshold must be positive");
        }
        if (keepaliveInterval < 1 || keepaliveGracePeriod < 1 || closeTimeout < 0) {
            throw new ParameterException(cli, "keepalive times must be positive, --close-timeout not negative");
        }
    }

    /** The effective configuration, as start-up prints it: each field is named after WebSocket-Node's option. */
    String config() {
        StringJoiner config = new StringJoiner(", ", "Config: ", "");
        try {
            for (Field field : Options.class.getDeclaredFields()) {
                config.add(field.getName() + "=" + field.get(this));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a class may read its own fields", e);
        }
        return config.toString();
    }

    /** A port in use or a host that does not resolve, in the kit's words. */
    String cannotListen(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause instanceof UnresolvedAddressException ? "unknown host" : cause.getMessage();
        return "Cannot listen on " + host + ":" + port + ": " + reason + ". Is another recipe running? --port 0 picks a free port.";
    }

    /** -V: the version Maven wrote into the jar's manifest. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Options.class.getPackage().getImplementationVersion();
            return new String[] {"recipe-01-server " + (version == null ? "(no version: not run from its jar)" : version)};
        }
    }
}
