package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaultsFollowListing82AndWebSocketNodesClientConfig() {
        ClientOptions options = new ClientOptions();

        assertThat(options.parse()).isEmpty();

        assertThat(options.url).isEqualTo(URI.create("ws://localhost:8081/"));
        assertThat(options.protocol).isEqualTo("echo-protocol");
        assertThat(options.origin).isNull();
        assertThat(options.count).isZero();
        assertThat(options.intervalMillis).isEqualTo(1000);
        assertThat(options.maxFrameSize).isEqualTo(0x100000);
        assertThat(options.maxMessageSize).isEqualTo(0x800000);
        assertThat(options.fragmentationThreshold).isEqualTo(0x4000);
        assertThat(options.closeTimeoutMillis).isEqualTo(5000);
        assertThat(options.assembleFragments).isTrue();
        assertThat(options.fragmentOutgoingMessages).isTrue();
        assertThat(options.disableNagleAlgorithm).isTrue();
    }

    @Test
    void webSocketVersionOtherThan13IsAUsageErrorWithTheReason() {
        assertThat(usageError(new ClientOptions(), "--web-socket-version", "8"))
                .startsWith("--web-socket-version 8 is not supported: Jetty speaks only version 13");
    }

    @Test
    void aMaxFrameSizeBelowTheLargestControlFrameIsAUsageError() {
        assertThat(usageError(new ClientOptions(), "--max-frame-size", "10")).contains("at least 125 bytes");
    }

    @Test
    void aUrlThatIsNotWebSocketIsAUsageError() {
        assertThat(usageError(new ClientOptions(), "http://localhost:8081/")).contains("ws:// or wss://");
    }

    @Test
    void aPagePortOutOfRangeIsAUsageError() {
        assertThat(usageError(new Options(), "--port", "99999"))
                .isEqualTo("--port must be from 0 (any free port) to 65535, not 99999\nTry --help.\n");
    }

    @Test
    void negatableOptionsTurnOff() {
        ClientOptions options = new ClientOptions();

        assertThat(options.parse("--no-assemble-fragments", "--no-disable-nagle-algorithm")).isEmpty();

        assertThat(options.assembleFragments).isFalse();
        assertThat(options.disableNagleAlgorithm).isFalse();
    }

    @Test
    void theConfigLineNamesTable82sOptions() {
        ClientOptions options = new ClientOptions();
        options.parse("--count", "3");

        assertThat(options.config()).startsWith("Config: url=ws://localhost:8081/, protocol=echo-protocol, ")
                .contains(", count=3, ", ", maxReceivedFrameSize=1048576, ", ", fragmentationThreshold=16384, ")
                .doesNotContain("\n");
    }

    /** What parse printed on stderr, once it has said exit 2. */
    private static String usageError(Object options, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            OptionalInt exit = options instanceof Options page ? page.parse(args) : ((ClientOptions) options).parse(args);
            assertThat(exit).hasValue(2);
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
