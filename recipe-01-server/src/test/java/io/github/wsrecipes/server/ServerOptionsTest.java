package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

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
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs();

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
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs("--no-keepalive", "--no-assemble-fragments", "--no-fragment-outgoing-messages");

        assertThat(options.keepalive).isFalse();
        assertThat(options.assembleFragments).isFalse();
        assertThat(options.fragmentOutgoingMessages).isFalse();
    }

    @Test
    void frameLimitBelowACloseFramesSizeIsAUsageError() {
        ServerOptions options = new ServerOptions();
        CommandLine cli = new CommandLine(options);
        cli.parseArgs("--max-frame-size", "100");

        assertThatThrownBy(() -> options.validate(cli))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("at least 125");
    }

    @Test
    void portOutsideTheTcpRangeIsAUsageError() {
        ServerOptions options = new ServerOptions();
        CommandLine cli = new CommandLine(options);
        cli.parseArgs("--port", "70000");

        assertThatThrownBy(() -> options.validate(cli))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--port must be from 0");
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
        EchoServer server = live.start("--keepalive-interval", "100", "--keepalive-grace-period", "100");
        Peer peer = new Peer.Messages();
        Session session = connect(server, peer);

        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(session::isOpen);
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
        EchoServer server = live.start("--close-timeout", "300", "--no-keepalive");

        try (RawWebSocket silent = new RawWebSocket(server.uri())) {
            assertThat(silent.nextOpcode()).as("yo").isEqualTo(1);
            Thread stopping = new Thread(server::close);
            stopping.start();

            assertThat(silent.nextOpcode()).as("the server's close frame").isEqualTo(8);
            assertThat(silent.nextOpcode()).as("then the server hangs up").isEqualTo(-1);
            stopping.join(5_000);
            assertThat(stopping.isAlive()).as("stop finished").isFalse();
        }
    }
}
