package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Random;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's echo server over real sockets. */
class EchoTest {

    private final WebSocketClient client = new WebSocketClient();
    private BrowserEchoServer server;

    @BeforeEach
    void start() throws Exception {
        Options options = new Options();
        options.parse("--port", "0");
        server = new BrowserEchoServer(options);
        server.start();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
    }

    @Test
    void echoesTextAndBinaryByteForByte() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendText("héllo", Callback.NOOP);
        assertThat(peer.next()).isEqualTo("héllo");
        session.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255}), Callback.NOOP);
        assertThat((byte[]) peer.next()).containsExactly(0, 1, 255);
    }

    @Test
    void aLargeBinaryMessageComesBackWithTheSameBytes() throws Exception {
        byte[] sent = new byte[4 * 1024 * 1024];
        new Random(5).nextBytes(sent);
        client.setMaxBinaryMessageSize(sent.length); // Jetty's client takes 64 KiB by default
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendBinary(ByteBuffer.wrap(sent), Callback.NOOP);

        assertThat((byte[]) peer.next()).isEqualTo(sent);
    }

    @Test
    void aPingIsAnsweredWithItsPongAndTheEchoGoesOn() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendPing(ByteBuffer.wrap(new byte[] {42}), Callback.NOOP);
        session.sendText("after the ping", Callback.NOOP);

        assertThat(peer.next()).isEqualTo("after the ping");
        assertThat(peer.pongs.poll(10, TimeUnit.SECONDS)).as("the pong").isEqualTo(ByteBuffer.wrap(new byte[] {42}));
    }

    @Test
    void aProgramWithoutOriginIsServed() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, null, "echo-protocol");

        session.sendText("no Origin header", Callback.NOOP);

        assertThat(peer.next()).isEqualTo("no Origin header");
    }

    @Test
    void aPageOfThisMachineIsServed() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, server.uri(), peer, "http://127.0.0.1:" + server.uri().getPort(), "echo-protocol");

        session.sendText("from my own page", Callback.NOOP);

        assertThat(peer.next()).isEqualTo("from my own page");
    }

    @Test
    void aForeignPageIsRefusedWith403() {
        assertThatThrownBy(() -> Peer.connect(client, server.uri(), new Peer.Messages(), "http://evil.example", "echo-protocol"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void anotherSubprotocolIsRefusedWith403() {
        assertThatThrownBy(() -> Peer.connect(client, server.uri(), new Peer.Messages(), null, "chat"))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void aForeignPageIsRefusedWith403EvenWhenItsOriginEqualsTheHost() {
        assertThatThrownBy(() -> {
            org.eclipse.jetty.websocket.client.ClientUpgradeRequest request =
                    new org.eclipse.jetty.websocket.client.ClientUpgradeRequest(Peer.ws(server.uri()));
            request.setSubProtocols("echo-protocol");
            request.setHeader("Origin", "http://evil.example");
            request.setHeader("Host", "evil.example");
            client.connect(new Peer.Messages(), request).get();
        }).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UpgradeException.class).hasMessageContaining("403");
    }

    @Test
    void stopClosesEveryConnectionWith1001() throws Exception {
        Peer peer = new Peer.Messages();
        Peer.connect(client, server.uri(), peer, "http://localhost:8085", "echo-protocol");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.clients() == 1); // the server holds it too

        server.stop();

        assertThat(peer.closeStatus()).isEqualTo("1001 server is shutting down");
    }
}
