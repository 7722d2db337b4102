package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one rule for outgoing fragments: never a frame of another message between the frames of one. */
class FragmentingSenderTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private EchoServerForTests server;
    private WebSocketClient client;
    private FragmentingSender sender;

    @BeforeEach
    void startServer() throws Exception {
        server = EchoServerForTests.start();
        client = new WebSocketClient();
        client.setMaxTextMessageSize(64 * 1024 * 1024);
        client.start();
    }

    private void connect(String... args) throws Exception {
        CompletableFuture<Session> opened = new CompletableFuture<>();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols("echo-protocol");
        client.connect(new PrintingListener.Messages(out, opened::complete), server.uri(), request).get(10, TimeUnit.SECONDS);
        ClientOptions options = new ClientOptions();
        assertThat(options.parse(args)).isEmpty();
        sender = new FragmentingSender(opened.get(10, TimeUnit.SECONDS), options, out);
    }

    @AfterEach
    void close() throws Exception {
        client.stop();
        server.close();
    }

    @Test
    void messagesSentAtOnceFromManyThreadsGoOutWholeOneAfterTheOther() throws Exception {
        connect("--fragmentation-threshold", "4");
        CompletableFuture<?>[] sent = new CompletableFuture<?>[20];
        for (int i = 0; i < sent.length; i++) {
            String text = String.valueOf((char) ('a' + i)).repeat(10);
            sent[i] = CompletableFuture.supplyAsync(() -> sender.text(text)).thenCompose(written -> written);
        }
        CompletableFuture.allOf(sent).get(20, TimeUnit.SECONDS);

        await().untilAsserted(() -> assertThat(server.texts()).hasSize(sent.length));
        // Every message arrived whole (a frame of another one in between would have broken it),
        // in frames of 4, 4 and 2 bytes.
        assertThat(server.texts()).allMatch(text -> text.matches("(.)\\1{9}")).doesNotHaveDuplicates();
        assertThat(server.textFrameSizes()).hasSize(3 * sent.length).containsOnly(4, 2);
        assertThat(server.closeCodes()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Send Error");
    }

    @Test
    void aMessageSentWhileABigOneIsStillGoingOutWaitsForItsLastFrame() throws Exception {
        connect("--fragmentation-threshold", "65536");
        String big = "a".repeat(8 * 1024 * 1024); // more than the socket buffers take at once
        String next = "b".repeat(200_000);

        CompletableFuture<Void> first = sender.text(big);
        CompletableFuture<Void> second = sender.text(next);
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.texts()).hasSize(2));
        // Compared as booleans: a failure message quoting 8 MB would help nobody.
        assertThat(server.texts().get(0).equals(big)).as("the big message arrived whole, its frames not mixed with the next").isTrue();
        assertThat(server.texts().get(1).equals(next)).as("the next message arrived whole").isTrue();
        assertThat(server.closeCodes()).isEmpty();
    }

    @Test
    void textAndBinaryQueuedBackToBackKeepTheirOrder() throws Exception {
        connect("--fragmentation-threshold", "4");
        CompletableFuture<Void> text = sender.text("abcdefghij");
        CompletableFuture<Void> binary = sender.binary(ByteBuffer.wrap(new byte[10]));
        CompletableFuture<Void> second = sender.text("klmnopqrst");
        CompletableFuture.allOf(text, binary, second).get(20, TimeUnit.SECONDS);

        await().untilAsserted(() -> assertThat(server.texts()).containsExactly("abcdefghij", "klmnopqrst"));
        assertThat(server.binarySizes()).containsExactly(10);
        assertThat(server.closeCodes()).isEmpty();
    }
}
