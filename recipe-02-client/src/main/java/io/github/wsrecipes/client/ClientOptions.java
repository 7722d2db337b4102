package io.github.wsrecipes.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** The command line of the client (listing 8-2), the same shape as every recipe's. */
@Command(name = "recipe-02-client", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "Connects to a WebSocket server, sends it a random number every second and prints what arrives (listing 8-2).")
public final class ClientOptions {

    @Parameters(arity = "0..1", paramLabel = "URL", description = "WebSocket URL (default: ${DEFAULT-VALUE}, recipe 01)")
    URI url = URI.create("ws://localhost:8081/");
    @Option(names = "--protocol", paramLabel = "NAME", description = "subprotocol to ask for (default: ${DEFAULT-VALUE})")
    String protocol = "echo-protocol";
    @Option(names = "--origin", description = "Origin header to send (default: none, as a non-browser client)")
    String origin;
    @Option(names = "--send", paramLabel = "TEXT", description = "one text message to send first (the original's heyo)")
    String send;
    @Option(names = "--count", paramLabel = "N", description = "random numbers to send, then close with 1000 (default: 0 = until Ctrl+C)")
    int count;
    @Option(names = "--interval", paramLabel = "MS", description = "milliseconds between random numbers (default: ${DEFAULT-VALUE})")
    long intervalMillis = 1000;
    @Option(names = "--binary", description = "send the numbers as 4-byte binary messages (listing 8-4)")
    boolean binary;

    // WebSocket-Node's client options (table 8-2), with its defaults; the README maps each to Jetty.
    @Option(names = "--web-socket-version", paramLabel = "VERSION", description = "protocol version; Jetty speaks only 13")
    int webSocketVersion = 13;
    @Option(names = "--max-frame-size", paramLabel = "BYTES", description = "maxReceivedFrameSize (default: ${DEFAULT-VALUE})")
    long maxFrameSize = 1024 * 1024;
    @Option(names = "--max-message-size", paramLabel = "BYTES", description = "maxReceivedMessageSize (default: ${DEFAULT-VALUE})")
    long maxMessageSize = 8 * 1024 * 1024;
    @Option(names = "--assemble-fragments", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "whole messages; --no-assemble-fragments prints each frame (default: true)")
    boolean assembleFragments;
    @Option(names = "--fragment-outgoing-messages", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "send messages over the threshold in frames (default: true)")
    boolean fragmentOutgoingMessages;
    @Option(names = "--fragmentation-threshold", paramLabel = "BYTES", description = "largest frame sent, in UTF-8 bytes for text (default: ${DEFAULT-VALUE})")
    int fragmentationThreshold = 16 * 1024;
    @Option(names = "--close-timeout", paramLabel = "MS", description = "wait this long for the server's close frame, then drop (default: ${DEFAULT-VALUE})")
    long closeTimeoutMillis = 5000;
    @Option(names = "--disable-nagle-algorithm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "TCP_NODELAY: send small frames at once (default: true)")
    boolean disableNagleAlgorithm;
    @Option(names = "--trust-store", paramLabel = "FILE", description = "tlsOptions: trust store (PKCS12 or JKS) for wss:// servers")
    Path trustStore;
    @Option(names = "--trust-store-password", paramLabel = "PASSWORD", description = "password of the trust store")
    String trustStorePassword;
    @Option(names = "--insecure", description = "wss:// without checking the certificate (self-signed demos only)")
    boolean insecure;

    /** A code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        if (webSocketVersion != 13) {
            throw new ParameterException(cli, "--web-socket-version " + webSocketVersion
                    + " is not supported: Jetty speaks only version 13 (RFC 6455); WebSocket-Node also offered 8");
        }
        if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
            throw new ParameterException(cli, "URL must start with ws:// or wss://, not " + url);
        }
        if (maxFrameSize < 125) { // Jetty holds its own close frame (up to 125 bytes) to this limit too
            throw new ParameterException(cli, "--max-frame-size must be at least 125 bytes, the largest control frame, not " + maxFrameSize);
        }
        if (count < 0 || intervalMillis < 1 || fragmentationThreshold < 1 || closeTimeoutMillis < 1) {
            throw new ParameterException(cli, "--count must be 0 or more; --interval, --fragmentation-threshold and --close-timeout 1 or more");
        }
    }

    /** WebSocket-Node's tlsOptions ({ca, rejectUnauthorized}) as Jetty's TLS settings. */
    SslContextFactory.Client tls() {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        if (trustStore != null) {
            tls.setTrustStorePath(trustStore.toString());
            tls.setTrustStorePassword(trustStorePassword);
        }
        if (insecure) {
            tls.setTrustAll(true);
            tls.setEndpointIdentificationAlgorithm(null);
        }
        return tls;
    }

    /** The effective configuration, as start-up prints it, with WebSocket-Node's names for table 8-2. */
    String config() {
        return "Config: url=" + url + ", protocol=" + protocol + ", origin=" + (origin == null ? "none" : origin)
                + ", send=" + (send == null ? "none" : send) + ", count=" + count + ", interval=" + intervalMillis
                + ", binary=" + binary + ", webSocketVersion=" + webSocketVersion
                + ", maxReceivedFrameSize=" + maxFrameSize + ", maxReceivedMessageSize=" + maxMessageSize
                + ", assembleFragments=" + assembleFragments + ", fragmentOutgoingMessages=" + fragmentOutgoingMessages
                + ", fragmentationThreshold=" + fragmentationThreshold + ", closeTimeout=" + closeTimeoutMillis
                + ", disableNagleAlgorithm=" + disableNagleAlgorithm + ", tlsOptions="
                + (insecure ? "INSECURE (any certificate)" : trustStore == null ? "the JVM's CAs" : "trust store " + trustStore);
    }
}
