package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each WebSocket-Node option of table 8-1 biting, over real sockets. */
class ServerOptionsTest {

    @RegisterExtension
    final LiveServers live = new LiveServers();

    Session connect(EchoServer server, Peer peer) throws Exception {
        Session session = live.connect(server, peer, "echo-protocol");
        assertThat(peer.next()).isIn("yo", "yo|last");
        return session;
    }

    @Test
    void defaultsAreWebSocketNodes() {
        Options options = new Options();
        assertThat(options.parse()).isEmpty();

        assertThat(options.maxReceivedFrameSize).isEqualTo(64 * 1024);
        assertThat(options.maxReceivedMessageSize).isEqualTo(1024 * 1024);
        assertThat(options.keepaliveInterval).isEqualTo(20_000);
        assertThat(options.keepaliveGracePeriod).isEqualTo(10_000);
        assertThat(options.dropConnectionOnKeepaliveTimeout).isTrue();
        assertThat(options.assembleFragments).isTrue();
        assertThat(options.fragmentOutgoingMessages).isTrue();
        assertThat(options.fragmentationThreshold).isEqualTo(16 * 1024);
        assertThat(options.disableNagleAlgorithm).isTrue();
        assertThat(options.useNativeKeepalive).isFalse();
        assertThat(options.closeTimeout).isEqualTo(5_000);
    }

    @Test
    void negatedFlagsTurnOptionsOff() {
        Options options = new Options();
        assertThat(options.parse("--no-keepalive", "--no-assemble-fragments", "--no-fragment-outgoing-messages")).isEmpty();

        assertThat(options.keepalive).isFalse();
        assertThat(options.assembleFragments).isFalse();
        assertThat(options.fragmentOutgoingMessages).isFalse();
    }

    @Test
    void frameLimitBelowACloseFramesSizeIsAUsageError() {
        assertThat(usageError("--max-frame-size", "100"))
                .isEqualTo("--max-received-frame-size must be at least 125 bytes, not 100\nTry --help.\n");
    }

    @Test
    void portOutsideTheTcpRangeIsAUsageError() {
        assertThat(usageError("--port", "70000"))
                .isEqualTo("--port must be from 0 (any free port) to 65535, not 70000\nTry --help.\n");
    }

    @Test
    void configurationLineNamesEveryOptionOfTable81() {
        Options options = new Options();
        options.parse("--port", "0", "--keepalive-interval", "5000");

        assertThat(options.config()).startsWith("Config: host=localhost, port=0, ")
                .contains("keepaliveInterval=5000", "maxReceivedFrameSize=65536", "maxReceivedMessageSize=1048576",
                        "assembleFragments=true", "autoAcceptConnections=false", "closeTimeout=5000",
                        "disableNagleAlgorithm=true", "dropConnectionOnKeepaliveTimeout=true", "fragmentationThreshold=16384",
                        "fragmentOutgoingMessages=true", "keepalive=true", "keepaliveGracePeriod=10000",
                        "useNativeKeepalive=false", "quiet=false")
                .doesNotContain("\n");
    }

    /** What a usage error prints on stderr; it must also end the run with exit code 2. */
    private static String usageError(String... args) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(new Options().parse(args)).hasValue(2);
        } finally {
            System.setErr(stderr);
        }
        return printed.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void messageOverMaxMessageSizeClosesWith1009() throws Exception {
        EchoServer server = live.start("--max-message-size", "1000", "--max-frame-size", "600");
        Peer peer = new Peer.Messages();
        Session session = connect(server, peer);

        // Three frames of 400 bytes: each fits the frame limit, together they pass the message limit.
        session.sendPartialBinary(ByteBuffer.allocate(400), false, Callback.NOOP);
        session.sendPartialBinary(ByteBuffer.allocate(400), false, Callback.NOOP);
        session.sendPartialBinary(ByteBuffer.allocate(400), true, Callback.NOOP);

        assertThat(peer.closeStatus()).startsWith("1009");
    }

    @Test
    void messageWithinMaxMessageSizeIsEchoed() throws Exception {
        EchoServer server = live.start("--max-message-size", "1000", "--max-frame-size", "600");
        Peer peer = new Peer.Messages();
        Session session = connect(server, peer);

        session.sendPartialBinary(ByteBuffer.allocate(500), false, Callback.NOOP);
        session.sendPartialBinary(ByteBuffer.allocate(500), true, Callback.NOOP);

        assertThat((byte[]) peer.next()).hasSize(1000);
    }

    @Test
    void frameOverMaxFrameSizeClosesWith1009() throws Exception {
        EchoServer server = live.start("--max-received-frame-size", "1024");
        Peer peer = new Peer.Messages();
        Session session = connect(server, peer);

        session.sendText("x".repeat(2000), Callback.NOOP);

        assertThat(peer.closeStatus()).startsWith("1009");
    }

    @Test
    void fragmentedMessageIsReassembledBeforeTheEcho() throws Exception {
        EchoServer server = live.start();
        Peer peer = new Peer.Frames();
        Session session = connect(server, peer);

        session.sendPartialText("Hel", false, Callback.NOOP);
        session.sendPartialText("lo, ", false, Callback.NOOP);
        session.sendPartialText("frames", true, Callback.NOOP);

        assertThat(peer.next()).isEqualTo("Hello, frames|last");
    }

    @Test
    void withoutAssemblyEachFrameIsEchoedAsItCame() throws Exception {
        EchoServer server = live.start("--no-assemble-fragments");
        Peer peer = new Peer.Frames();
        Session session = connect(server, peer);

        session.sendPartialText("Hel", false, Callback.NOOP);
        session.sendPartialText("lo, ", false, Callback.NOOP);
        session.sendPartialText("frames", true, Callback.NOOP);

        assertThat(List.of(peer.next(), peer.next(), peer.next()))
                .containsExactly("Hel|more", "lo, |more", "frames|last");
    }

    @Test
    void outgoingMessageOverTheThresholdIsFragmented() throws Exception {
        EchoServer server = live.start("--fragmentation-threshold", "1000");
        Peer peer = new Peer.Frames();
        Session session = connect(server, peer);

        session.sendText("a".repeat(1000) + "b".repeat(1000) + "c".repeat(500), Callback.NOOP);

        assertThat(List.of(peer.next(), peer.next(), peer.next()))
                .containsExactly("a".repeat(1000) + "|more", "b".repeat(1000) + "|more", "c".repeat(500) + "|last");
    }

    @Test
    void withoutOutgoingFragmentationALargeMessageGoesInOneFrame() throws Exception {
        EchoServer server = live.start("--fragmentation-threshold", "1000", "--no-fragment-outgoing-messages");
        Peer peer = new Peer.Frames();
        Session session = connect(server, peer);

        session.sendText("a".repeat(2500), Callback.NOOP);

        assertThat(peer.next()).isEqualTo("a".repeat(2500) + "|last");
    }

    @Test
    void peerThatNeverAnswersPingsIsDroppedAfterIntervalPlusGrace() throws Exception {
        EchoServer server = live.start("--keepalive-interval", "300", "--keepalive-grace-period", "300");

        long start = System.nanoTime();
        try (RawWebSocket silent = new RawWebSocket(server.uri())) {
            List<Integer> opcodes = new ArrayList<>();
            int opcode;
            while ((opcode = silent.nextOpcode()) != -1) {
                opcodes.add(opcode);
            }
            Duration alive = Duration.ofNanos(System.nanoTime() - start);

            assertThat(opcodes).as("yo, then a ping that got no answer").containsExactly(1, 9);
            assertThat(alive).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void peerThatAnswersPingsStaysConnected() throws Exception {
        // A generous grace: on a loaded machine a pong may take a while. 15 pings 100 ms apart span 1.4 s,
        // more than interval + grace (1.1 s): a peer whose pongs did not count would be gone before the last.
        EchoServer server = live.start("--keepalive-interval", "100", "--keepalive-grace-period", "1000");
        Peer.Pings peer = new Peer.Pings();
        Session session = connect(server, peer);

        await().atMost(Duration.ofSeconds(30)).until(() -> peer.pings.get() >= 15 || !session.isOpen());
        assertThat(peer.pings.get()).isGreaterThanOrEqualTo(15);
        assertThat(session.isOpen()).isTrue();
        session.sendText("still here", Callback.NOOP);
        assertThat(peer.next()).isEqualTo("still here");
    }

    @Test
    void withoutDroppingALatePongIsOnlyReported() throws Exception {
        EchoServer server = live.start("--keepalive-interval", "100", "--keepalive-grace-period", "100",
                "--no-drop-connection-on-keepalive-timeout");

        try (RawWebSocket silent = new RawWebSocket(server.uri())) {
            List<Integer> opcodes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opcodes.add(silent.nextOpcode());
            }

            assertThat(opcodes).as("yo, then pings that keep coming").containsExactly(1, 9, 9, 9, 9, 9);
        }
    }

    @Test
    void peerThatNeverAnswersTheCloseFrameIsCutAfterTheCloseTimeout() throws Exception {
        // Jetty closes the connection once its close frame is written; a peer that stopped reading
        // never takes that frame, and the close timeout is how long the server waits for it.
        EchoServer server = live.start("--close-timeout", "3000", "--no-keepalive", "--quiet");

        try (RawWebSocket stuck = new RawWebSocket(server.uri())) {
            stuck.floodUntilStalled(Long.MAX_VALUE);
            server.stop();
            Duration stuckFor = Duration.ofNanos(System.nanoTime() - stuck.lastWrite());

            assertThat(stuckFor).as("the server waited the close timeout since the peer last took a byte, then cut it")
                    .isBetween(Duration.ofMillis(2_800), Duration.ofMillis(8_000));
            assertThat(server.clients()).isZero();
        }
    }

    @Test
    void stopGivesAPeerThatCannotTakeTheCloseTheCloseTimeoutAndNoMoreWhileOthersGet1001AtOnce() throws Exception {
        EchoServer server = live.start("--close-timeout", "2000", "--no-keepalive", "--quiet");
        Peer polite = new Peer.Messages();
        live.connect(server, polite, "echo-protocol");
        assertThat(polite.next()).isEqualTo("yo");

        try (RawWebSocket stuck = new RawWebSocket(server.uri())) {
            stuck.floodUntilStalled(Long.MAX_VALUE); // its close frame will wait behind the echoes it never reads
            long start = System.nanoTime();
            server.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);

            assertThat(polite.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(stopping).as("the close timeout for the stuck peer, then it is cut")
                    .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(2 * 2_000 + 1_500));
            assertThat(server.clients()).isZero();
        }
    }
}
