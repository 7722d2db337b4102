package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParameterException;

class ClientOptionsTest {

    @Test
    void defaultsFollowListing82AndWebSocketNodesClientConfig() {
        ClientOptions options = ClientOptions.parse();

        assertThat(options.url).isEqualTo(URI.create("ws://localhost:8081/"));
        assertThat(options.protocol).isEqualTo("echo-protocol");
        assertThat(options.origin).isNull();
        assertThat(options.count).isZero();
        assertThat(options.intervalMillis).isEqualTo(1000);
        assertThat(options.port).isEqualTo(8082);
        assertThat(options.maxFrameSize).isEqualTo(0x100000);
        assertThat(options.maxMessageSize).isEqualTo(0x800000);
        assertThat(options.fragmentationThreshold).isEqualTo(0x4000);
        assertThat(options.closeTimeoutMillis).isEqualTo(5000);
        assertThat(options.assembleFragments).isTrue();
        assertThat(options.fragmentOutgoingMessages).isTrue();
        assertThat(options.disableNagleAlgorithm).isTrue();
    }

    @Test
    void webSocketVersionOtherThan13IsRefusedWithTheReason() {
        assertThatThrownBy(() -> ClientOptions.parse("--web-socket-version", "8"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Jetty speaks only version 13");
    }

    @Test
    void aMaxFrameSizeBelowTheLargestControlFrameIsRefused() {
        assertThatThrownBy(() -> ClientOptions.parse("--max-frame-size", "10"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("at least 125 bytes");
    }

    @Test
    void aUrlThatIsNotWebSocketIsRefused() {
        assertThatThrownBy(() -> ClientOptions.parse("http://localhost:8081/"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("ws:// or wss://");
    }

    @Test
    void aPagePortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> ClientOptions.parse("--serve-page", "--port", "99999"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--port must be 0 (any free port) to 65535, got 99999");
    }

    @Test
    void negatableOptionsTurnOff() {
        ClientOptions options = ClientOptions.parse("--no-assemble-fragments", "--no-disable-nagle-algorithm");

        assertThat(options.assembleFragments).isFalse();
        assertThat(options.disableNagleAlgorithm).isFalse();
    }
}
