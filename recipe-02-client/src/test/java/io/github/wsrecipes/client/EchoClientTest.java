package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command-line client (listing 8-2) against a real echo server, in-process. */
class EchoClientTest {

    private EchoServerForTests server;

    @BeforeEach
    void startServer() throws Exception {
        server = EchoServerForTests.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void countThreeSendsExactlyThreeNumbersPrintsTheirEchoesAndExitsZeroAfterA1000Close() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--count", "3", "--interval", "20");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.texts()).hasSize(3).allMatch(text -> text.matches("\\d+"));
        List<String> lines = run.lines();
        assertThat(lines).containsSubsequence("WebSocket Client Connected", "Received: 'yo'",
                "Received: '" + server.texts().get(0) + "'",
                "Received: '" + server.texts().get(1) + "'",
                "Received: '" + server.texts().get(2) + "'",
                "Connection Closed: 1000 done");
        await().untilAsserted(() -> assertThat(server.closeCodes()).containsExactly(1000));
    }

    @Test
    void sendGoesOutBeforeTheNumbers() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--send", "heyo", "--count", "1");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.texts()).hasSize(2).first().isEqualTo("heyo");
        assertThat(run.lines()).contains("Received: 'heyo'");
    }

    @Test
    void noOriginIsSentUnlessAsked() throws Exception {
        CliRun.of(server.uri().toString(), "--count", "1");
        CliRun.of(server.uri().toString(), "--count", "1", "--origin", "http://localhost:8082");

        assertThat(server.origins()).containsExactly("null", "http://localhost:8082");
    }

    @Test
    void binaryMessagesArePrintedAsTheirByteCount() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--binary", "--count", "2", "--interval", "20");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.binarySizes()).containsExactly(4, 4);
        assertThat(run.lines()).filteredOn("Received Binary Message of 4 bytes"::equals).hasSize(2);
    }

    @Test
    void nothingListeningIsAConnectErrorAndANonZeroExit() throws Exception {
        int port = freePort();

        CliRun run = CliRun.of("ws://127.0.0.1:" + port + "/", "--count", "1");

        assertThat(run.exitStatus()).isEqualTo(EchoClient.CONNECT_ERROR);
        assertThat(run.lines()).contains("Connect Error: connection refused: nothing listens on 127.0.0.1:" + port);
    }

    @Test
    void aProtocolTheServerRefusesIsAConnectErrorNamingHttp403() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--protocol", "chat", "--count", "1");

        assertThat(run.exitStatus()).isEqualTo(EchoClient.CONNECT_ERROR);
        assertThat(run.lines()).anyMatch(line ->
                line.startsWith("Connect Error: the server refused the upgrade with HTTP 403 Forbidden"));
    }

    @Test
    void aMessageOverMaxMessageSizeClosesWith1009AndIsReported() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--max-message-size", "10", "--send", "far more than ten bytes");

        assertThat(run.exitStatus()).isEqualTo(EchoClient.CLOSED_ABNORMALLY);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("Connection Closed: 1009"))
                .doesNotContain("Received: 'far more than ten bytes'");
    }

    @Test
    void aFrameOverMaxFrameSizeClosesWith1009() throws Exception {
        // We send in frames of 200; the echo server answers with one frame of 300.
        CliRun run = CliRun.of(server.uri().toString(), "--max-frame-size", "200", "--send", "x".repeat(300));

        assertThat(server.textFrameSizes()).startsWith(200, 100);
        assertThat(run.exitStatus()).isEqualTo(EchoClient.CLOSED_ABNORMALLY);
        assertThat(run.lines()).anyMatch(line -> line.startsWith("Connection Closed: 1009"));
    }

    @Test
    void messagesOverTheFragmentationThresholdAreSentInFramesOfThatSize() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--fragmentation-threshold", "4", "--send", "abcdefghij",
                "--count", "1");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.texts()).first().isEqualTo("abcdefghij");
        assertThat(server.textFrameSizes()).startsWith(4, 4, 2);
    }

    @Test
    void theFragmentationThresholdCountsUtf8BytesNotCharacters() throws Exception {
        // Six 2-byte characters: frames of 4 bytes carry two characters each.
        CliRun run = CliRun.of(server.uri().toString(), "--fragmentation-threshold", "4", "--send", "\u00e9".repeat(6),
                "--count", "1");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.texts()).first().isEqualTo("\u00e9".repeat(6));
        assertThat(server.textFrameSizes()).startsWith(2, 2, 2);
        assertThat(run.lines()).noneMatch(line -> line.startsWith("Send Error"));
    }

    @Test
    void withoutFragmentationAMessageGoesOutAsOneFrame() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--no-fragment-outgoing-messages", "--fragmentation-threshold", "4",
                "--send", "abcdefghij", "--count", "1");

        assertThat(run.exitStatus()).isZero();
        assertThat(server.textFrameSizes()).startsWith(10);
    }

    @Test
    void withoutAssemblyEachFrameIsPrintedInsteadOfTheMessage() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--no-assemble-fragments", "--count", "1");

        assertThat(run.exitStatus()).isZero();
        assertThat(run.lines()).contains("Received Frame of 2 bytes (text, final)")
                .doesNotContain("Received: 'yo'");
    }

    @Test
    void aServerThatNeverAnswersOurCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            CliRun run = CliRun.of(silent.uri().toString(), "--count", "1", "--close-timeout", "300");

            assertThat(run.lines()).containsSubsequence("WebSocket Client Connected",
                    "No close frame within 300 ms: dropping the connection");
            assertThat(run.lines()).anyMatch(line -> line.startsWith("Connection Closed: 1006"));
            assertThat(run.exitStatus()).isEqualTo(EchoClient.CLOSED_ABNORMALLY);
        }
    }

    @Test
    void whatTheServerSendsIsPrintedOnOneLineAndCannotForgeAnother() throws Exception {
        try (EchoServerForTests forger = EchoServerForTests.startGreeting("yo\nConnection Closed: 1000 forged\u001b[2J")) {
            CliRun run = CliRun.of(forger.uri().toString(), "--count", "1");

            assertThat(run.lines()).contains("Received: 'yo\\nConnection Closed: 1000 forged\\u001b[2J'")
                    .noneMatch(line -> line.startsWith("Connection Closed: 1000 forged"))
                    .noneMatch(line -> line.contains("\u001b"));
        }
    }

    @Test
    void aLongMessageIsPrintedCutAt200Characters() throws Exception {
        CliRun run = CliRun.of(server.uri().toString(), "--send", "x".repeat(500), "--count", "1");

        assertThat(run.lines()).contains("Received: '" + "x".repeat(200) + "… (500 chars)'");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
