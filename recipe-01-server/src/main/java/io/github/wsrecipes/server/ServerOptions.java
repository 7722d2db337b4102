package io.github.wsrecipes.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command line of recipe 01: WebSocket-Node's server options (table 8-1) as flags.
 *
 * <p>Each long name is the Node option in kebab case, so a learner can hold the book next to
 * the terminal; the short aliases are the names the rest of the kit uses. Sizes are in bytes,
 * times in milliseconds, as in WebSocket-Node. The defaults are WebSocket-Node's defaults.
 */
@Command(name = "recipe-01-server", mixinStandardHelpOptions = true, sortOptions = false,
        version = "recipe-01-server 1.0.0 (Jetty 12.1)",
        description = "A WebSocket echo server on Jetty, configured like WebSocket-Node (listing 8-1, table 8-1).")
public final class ServerOptions {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8081;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "a browser origin allowed to connect, e.g. http://192.168.1.20:8081 (repeatable; "
                    + "default: the kit's own localhost and 127.0.0.1 pages)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allow-any-origin", description = "accept upgrades from any origin (demos only)")
    boolean allowAnyOrigin;

    @Option(names = "--auto-accept-connections",
            description = "accept every upgrade without looking at origin or subprotocol, like autoAcceptConnections: true")
    boolean autoAcceptConnections;

    @Option(names = {"--max-received-frame-size", "--max-frame-size"}, paramLabel = "BYTES",
            description = "largest incoming frame; a larger one closes with 1009 (default: ${DEFAULT-VALUE})")
    int maxReceivedFrameSize = 64 * 1024;

    @Option(names = {"--max-received-message-size", "--max-message-size"}, paramLabel = "BYTES",
            description = "largest incoming message, all its frames together; larger closes with 1009 (default: ${DEFAULT-VALUE})")
    int maxReceivedMessageSize = 1024 * 1024;

    @Option(names = "--assemble-fragments", negatable = true, fallbackValue = "true",
            description = "deliver whole messages; --no-assemble-fragments echoes frame by frame (default: ${DEFAULT-VALUE})")
    boolean assembleFragments = true;

    @Option(names = "--fragment-outgoing-messages", negatable = true, fallbackValue = "true",
            description = "split outgoing messages larger than the threshold into frames (default: ${DEFAULT-VALUE})")
    boolean fragmentOutgoingMessages = true;

    @Option(names = "--fragmentation-threshold", paramLabel = "BYTES",
            description = "largest outgoing frame when fragmenting (default: ${DEFAULT-VALUE})")
    int fragmentationThreshold = 16 * 1024;

    @Option(names = "--keepalive", negatable = true, fallbackValue = "true",
            description = "ping every peer every keepalive interval (default: ${DEFAULT-VALUE})")
    boolean keepalive = true;

    @Option(names = "--keepalive-interval", paramLabel = "MS",
            description = "time between keepalive pings (default: ${DEFAULT-VALUE})")
    long keepaliveInterval = 20_000;

    @Option(names = "--keepalive-grace-period", paramLabel = "MS",
            description = "how long a pong may take after a ping (default: ${DEFAULT-VALUE})")
    long keepaliveGracePeriod = 10_000;

    @Option(names = "--drop-connection-on-keepalive-timeout", negatable = true, fallbackValue = "true",
            description = "drop a peer whose pong is late; otherwise only log it (default: ${DEFAULT-VALUE})")
    boolean dropConnectionOnKeepaliveTimeout = true;

    @Option(names = "--use-native-keepalive", negatable = true, fallbackValue = "true",
            description = "use TCP keepalive (probes after the keepalive interval) instead of WebSocket pings (default: ${DEFAULT-VALUE})")
    boolean useNativeKeepalive;

    @Option(names = "--disable-nagle-algorithm", negatable = true, fallbackValue = "true",
            description = "send small frames at once (TCP_NODELAY) (default: ${DEFAULT-VALUE})")
    boolean disableNagleAlgorithm = true;

    @Option(names = "--close-timeout", paramLabel = "MS",
            description = "how long a peer has to answer our close frame before the socket is cut (default: ${DEFAULT-VALUE})")
    long closeTimeout = 5_000;

    /** Limits Jetty cannot work with are usage errors, not surprises at the first close. */
    void validate(CommandLine cli) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(cli, "--port must be from 0 (any free port) to 65535, not " + port);
        }
        // Jetty applies maxFrameSize to the frames it sends too, and a close frame may carry 125 bytes.
        if (maxReceivedFrameSize < 125) {
            throw new ParameterException(cli, "--max-received-frame-size must be at least 125 bytes");
        }
        if (maxReceivedMessageSize < 1 || fragmentationThreshold < 1) {
            throw new ParameterException(cli, "sizes must be positive");
        }
        if (keepaliveInterval < 1 || keepaliveGracePeriod < 1 || closeTimeout < 0) {
            throw new ParameterException(cli, "keepalive times must be positive, the close timeout not negative");
        }
    }

    Duration keepaliveIntervalDuration() {
        return Duration.ofMillis(keepaliveInterval);
    }

    Duration keepaliveGraceDuration() {
        return Duration.ofMillis(keepaliveGracePeriod);
    }

    /** The effective configuration, one option a line, as start-up prints it. */
    List<String> describe() {
        return List.of(
                "Effective configuration (WebSocket-Node names):",
                "host                             " + host,
                "port                             " + port,
                "allowed origins                  " + (autoAcceptConnections || allowAnyOrigin ? "any" : "the kit's own"
                        + (allowedOrigins.isEmpty() ? "" : " + " + String.join(", ", allowedOrigins))),
                "autoAcceptConnections            " + autoAcceptConnections,
                "maxReceivedFrameSize             " + maxReceivedFrameSize,
                "maxReceivedMessageSize           " + maxReceivedMessageSize,
                "assembleFragments                " + assembleFragments,
                "fragmentOutgoingMessages         " + fragmentOutgoingMessages,
                "fragmentationThreshold           " + fragmentationThreshold,
                "keepalive                        " + keepalive,
                "keepaliveInterval                " + keepaliveInterval,
                "keepaliveGracePeriod             " + keepaliveGracePeriod,
                "dropConnectionOnKeepaliveTimeout " + dropConnectionOnKeepaliveTimeout,
                "useNativeKeepalive               " + useNativeKeepalive,
                "disableNagleAlgorithm            " + disableNagleAlgorithm,
                "closeTimeout                     " + closeTimeout);
    }
}
