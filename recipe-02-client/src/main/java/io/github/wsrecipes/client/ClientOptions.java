package io.github.wsrecipes.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Everything the client can be told, as one table. The last group is WebSocket-Node's client
 * configuration (table 8-2) with the original's defaults; the README maps each row to Jetty.
 */
@Command(name = "recipe-02-client", mixinStandardHelpOptions = true, sortOptions = false,
        version = "recipe-02-client 1.0.0-SNAPSHOT",
        description = "Connects to a WebSocket server and prints what arrives (listing 8-2),"
                + " or serves the browser client page (listing 8-3) with --serve-page.")
public final class ClientOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = "ws://localhost:8081/",
            description = "WebSocket URL to connect to (default: ${DEFAULT-VALUE}, recipe 01)")
    URI url;

    @Option(names = "--protocol", paramLabel = "NAME", defaultValue = "echo-protocol",
            description = "subprotocol to ask for (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Origin header to send (default: none, as a non-browser client)")
    String origin;

    @Option(names = "--send", paramLabel = "TEXT", description = "one text message to send first (the original's heyo)")
    String send;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "random numbers to send, then close with 1000 (default: 0 = until Ctrl+C)")
    int count;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "milliseconds between random numbers (default: ${DEFAULT-VALUE})")
    long intervalMillis;

    @Option(names = "--binary", description = "send the random numbers as 4-byte binary messages (listing 8-4)")
    boolean binary;

    @Option(names = "--reconnect", description = "when the connection fails or drops, try again after 1 s, 2 s, 4 s … 30 s")
    boolean reconnect;

    @Option(names = "--serve-page", description = "serve the browser client page instead of connecting")
    boolean servePage;

    @Option(names = "--host", paramLabel = "H", defaultValue = "localhost", description = "page server host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8082", description = "page server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    // --- WebSocket-Node's client options (table 8-2), with its defaults ---

    @Option(names = "--web-socket-version", paramLabel = "VERSION", defaultValue = "13", description = "protocol version; Jetty speaks only 13")
    int webSocketVersion;

    @Option(names = "--max-frame-size", paramLabel = "BYTES", defaultValue = "1048576",
            description = "largest frame accepted (maxReceivedFrameSize, default: ${DEFAULT-VALUE})")
    long maxFrameSize;

    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "8388608",
            description = "largest message accepted (maxReceivedMessageSize, default: ${DEFAULT-VALUE})")
    long maxMessageSize;

    @Option(names = "--assemble-fragments", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "print whole messages; --no-assemble-fragments prints each frame (default: true)")
    boolean assembleFragments;

    @Option(names = "--fragment-outgoing-messages", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "split outgoing messages over the threshold into frames (default: true)")
    boolean fragmentOutgoingMessages;

    @Option(names = "--fragmentation-threshold", paramLabel = "BYTES", defaultValue = "16384",
            description = "largest outgoing frame payload in bytes, UTF-8 for text (default: ${DEFAULT-VALUE})")
    int fragmentationThreshold;

    @Option(names = "--close-timeout", paramLabel = "MS", defaultValue = "5000",
            description = "how long to wait for the server's close frame before dropping the TCP connection (default: ${DEFAULT-VALUE})")
    long closeTimeoutMillis;

    @Option(names = "--disable-nagle-algorithm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "TCP_NODELAY: send small frames at once (default: true)")
    boolean disableNagleAlgorithm;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "trust store (PKCS12 or JKS) for wss:// servers")
    Path trustStore;

    @Option(names = "--trust-store-password", paramLabel = "PASSWORD", description = "password of the trust store")
    String trustStorePassword;

    @Option(names = "--insecure", description = "wss:// without checking the certificate (self-signed demos only)")
    boolean insecure;

    /** Parses and checks command-line arguments; picocli's exception carries the usage message. */
    public static ClientOptions parse(String... args) {
        ClientOptions options = new ClientOptions();
        CommandLine commandLine = new CommandLine(options);
        commandLine.parseArgs(args);
        options.check(commandLine);
        return options;
    }

    /** The checks picocli cannot express; the exception carries the reason. */
    void check(CommandLine commandLine) {
        if (webSocketVersion != 13) {
            throw new CommandLine.ParameterException(commandLine, "--web-socket-version " + webSocketVersion
                    + " is not supported: Jetty speaks only version 13 (RFC 6455); WebSocket-Node also offered 8");
        }
        String scheme = String.valueOf(url.getScheme());
        if (!servePage && !scheme.equals("ws") && !scheme.equals("wss")) {
            throw new CommandLine.ParameterException(commandLine, "URL must start with ws:// or wss://, got " + url);
        }
        if (maxFrameSize < 125) {
            // Jetty checks every frame it sends against the same limit, its own close frame too
            // (up to 125 bytes): below that, a 1009 close could never be sent.
            throw new CommandLine.ParameterException(commandLine,
                    "--max-frame-size must be at least 125 bytes, the largest control frame");
        }
        if (port < 0 || port > 65535) {
            // Jetty would only find out when the page server binds, as a bare IllegalArgumentException.
            throw new CommandLine.ParameterException(commandLine, "--port must be 0 (any free port) to 65535, got " + port);
        }
        if (count < 0 || intervalMillis < 1 || fragmentationThreshold < 1 || closeTimeoutMillis < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--count must be 0 or more; --interval, --fragmentation-threshold and --close-timeout 1 or more");
        }
    }

    /** The effective configuration, printed at start-up so a learner sees what is in force. */
    public List<String> describe() {
        Map<String, Object> rows = new LinkedHashMap<>();
        if (servePage) {
            rows.put("serve-page", "the browser client page (listing 8-3)");
            rows.put("host", host);
            rows.put("port", port);
        } else {
            rows.put("url", url);
            rows.put("protocol", protocol);
            rows.put("origin", origin == null ? "(none: not a browser)" : origin);
            rows.put("send first", send == null ? "(nothing)" : send);
            rows.put("count", count == 0 ? "0 (random numbers until Ctrl+C)" : count);
            rows.put("interval", intervalMillis + " ms");
            rows.put("binary", binary);
            rows.put("reconnect", reconnect);
            rows.put("webSocketVersion", webSocketVersion);
            rows.put("maxReceivedFrameSize", maxFrameSize);
            rows.put("maxReceivedMessageSize", maxMessageSize);
            rows.put("assembleFragments", assembleFragments);
            rows.put("fragmentOutgoingMessages", fragmentOutgoingMessages);
            rows.put("fragmentationThreshold", fragmentationThreshold);
            rows.put("closeTimeout", closeTimeoutMillis);
            rows.put("disableNagleAlgorithm", disableNagleAlgorithm);
            rows.put("tlsOptions", insecure ? "INSECURE: any certificate is trusted"
                    : trustStore == null ? "the JVM's trusted CAs" : "trust store " + trustStore);
        }
        List<String> lines = new ArrayList<>();
        lines.add("Effective configuration (WebSocket-Node names):");
        rows.forEach((name, value) -> lines.add(String.format("%-24s %s", name, value)));
        return lines;
    }
}
