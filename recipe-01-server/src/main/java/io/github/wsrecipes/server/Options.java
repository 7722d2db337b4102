package io.github.wsrecipes.server;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;

import io.github.wsrecipes.support.CommandLines;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line: table 8-1's options as flags in kebab case, with WebSocket-Node's defaults (bytes, milliseconds). */
@Command(name = "recipe-01-server", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "A WebSocket echo server on Jetty, configured like WebSocket-Node (listing 8-1, table 8-1).")
public final class Options {

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect")
    String host = "localhost";
    @Option(names = "--port", description = "TCP port; 0 picks a free one")
    int port = 8081;
    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", description = "one more page origin that may connect (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();
    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;
    @Option(names = "--auto-accept-connections", description = "accept every upgrade, any origin, any subprotocol")
    boolean autoAcceptConnections;
    @Option(names = {"--max-received-frame-size", "--max-frame-size"}, paramLabel = "BYTES", description = "larger closes with 1009")
    int maxReceivedFrameSize = 64 * 1024;
    @Option(names = {"--max-received-message-size", "--max-message-size"}, paramLabel = "BYTES", description = "larger closes with 1009")
    int maxReceivedMessageSize = 1024 * 1024;
    @Option(names = "--assemble-fragments", negatable = true, fallbackValue = "true", description = "else echo frame by frame")
    boolean assembleFragments = true;
    @Option(names = "--fragment-outgoing-messages", negatable = true, fallbackValue = "true", description = "split large echoes")
    boolean fragmentOutgoingMessages = true;
    @Option(names = "--fragmentation-threshold", paramLabel = "BYTES", description = "largest outgoing frame when fragmenting")
    int fragmentationThreshold = 16 * 1024;
    @Option(names = "--keepalive", negatable = true, fallbackValue = "true", description = "ping every peer every interval")
    boolean keepalive = true;
    @Option(names = "--keepalive-interval", paramLabel = "MS", description = "time between pings")
    long keepaliveInterval = 20_000;
    @Option(names = "--keepalive-grace-period", paramLabel = "MS", description = "how long a pong may take after a ping")
    long keepaliveGracePeriod = 10_000;
    @Option(names = "--drop-connection-on-keepalive-timeout", negatable = true, fallbackValue = "true", description = "else only log")
    boolean dropConnectionOnKeepaliveTimeout = true;
    @Option(names = "--use-native-keepalive", negatable = true, fallbackValue = "true", description = "TCP probes, not pings")
    boolean useNativeKeepalive;
    @Option(names = "--disable-nagle-algorithm", negatable = true, fallbackValue = "true", description = "TCP_NODELAY")
    boolean disableNagleAlgorithm = true;
    @Option(names = "--close-timeout", paramLabel = "MS", description = "on stop, how long a peer may take to get the close")
    long closeTimeout = 5_000;
    @Option(names = "--quiet", description = "no line per message (connects, closes, errors stay)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
        // Jetty's one frame limit also caps what it sends, and a close frame may carry 125 bytes.
        String wrong = maxReceivedFrameSize < 125 ? "--max-received-frame-size must be at least 125 bytes, not " + maxReceivedFrameSize
                : maxReceivedMessageSize < 1 || fragmentationThreshold < 1 ? "sizes must be positive"
                : keepaliveInterval < 1 || keepaliveGracePeriod < 1 || closeTimeout < 0 ? "times must be positive (--close-timeout: 0 or more)"
                : null;
        if (wrong != null) {
            throw new ParameterException(cli, wrong);
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

    /** Table 8-1's limits on Jetty's WebSocket container (the README maps each one). */
    void limit(ServerWebSocketContainer container) {
        container.setMaxFrameSize(maxReceivedFrameSize);
        container.setAutoFragment(false); // else Jetty splits a too-large frame instead of refusing it
        container.setMaxTextMessageSize(maxReceivedMessageSize);
        container.setMaxBinaryMessageSize(maxReceivedMessageSize);
        container.setIdleTimeout(Duration.ZERO); // WebSocket-Node has none: keepalive finds dead peers
    }
}
