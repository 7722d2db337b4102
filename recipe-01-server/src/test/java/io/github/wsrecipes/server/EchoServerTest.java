package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The echo server over real sockets: greeting, echo, the upgrade gate, stopping. */
class EchoServerTest {

    @RegisterExtension
    final LiveServers live = new LiveServers();

    @Test
    void startedOnPortZeroReportsTheBoundPort() throws Exception {
        EchoServer server = live.start();

        assertThat(server.port()).isPositive();
        assertThat(server.uri()).hasToString("http://localhost:" + server.port() + "/");
    }

    @Test
    void greetsWithYoThenEchoesText() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = live.connect(live.start(), peer, "echo-protocol");

        session.sendText("Hello, WebSocket!", Callback.NOOP);

        assertThat(peer.next()).isEqualTo("yo");
        assertThat(peer.next()).isEqualTo("Hello, WebSocket!");
        assertThat(session.getUpgradeResponse().getAcceptedSubProtocol()).isEqualTo("echo-protocol");
    }

    @Test
    void echoesBinaryByteForByte() throws Exception {
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Peer peer = new Peer.Messages();
        Session session = live.connect(live.start(), peer, "echo-protocol");

        session.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);

        assertThat(peer.next()).isEqualTo("yo");
        assertThat((byte[]) peer.next()).isEqualTo(bytes);
    }

    @Test
    void foreignOriginIsRefusedWith403() throws Exception {
        EchoServer server = live.start();

        assertThatThrownBy(() -> live.connectFrom("http://evil.example", server, new Peer.Messages(), "echo-protocol"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void kitPagesAndThePagesOfThisServerAreAllowedOrigins() throws Exception {
        EchoServer server = live.start();

        live.connectFrom("http://localhost:8082", server, new Peer.Messages(), "echo-protocol");
        live.connectFrom("http://localhost:" + server.port(), server, new Peer.Messages(), "echo-protocol");
    }

    @Test
    void allowedOriginFlagAdmitsThatOrigin() throws Exception {
        EchoServer server = live.start("--allowed-origin", "http://192.168.1.20:8081");

        live.connectFrom("http://192.168.1.20:8081", server, new Peer.Messages(), "echo-protocol");
    }

    @Test
    void allowAnyOriginAdmitsForeignPages() throws Exception {
        EchoServer server = live.start("--allow-any-origin");

        live.connectFrom("http://evil.example", server, new Peer.Messages(), "echo-protocol");
    }

    @Test
    void missingSubprotocolIsRefusedWith403() throws Exception {
        EchoServer server = live.start();

        assertThatThrownBy(() -> live.connect(server, new Peer.Messages()))
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void unknownSubprotocolIsRefusedWith403() throws Exception {
        EchoServer server = live.start();

        assertThatThrownBy(() -> live.connect(server, new Peer.Messages(), "chat-protocol"))
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void autoAcceptConnectionsAcceptsAnyOriginAndProtocol() throws Exception {
        EchoServer server = live.start("--auto-accept-connections");
        Peer peer = new Peer.Messages();

        live.connectFrom("http://evil.example", server, peer, "chat-protocol");

        assertThat(peer.next()).isEqualTo("yo");
    }

    @Test
    void stoppingTheServerClosesEveryPeerWith1001() throws Exception {
        EchoServer server = live.start();
        Peer first = new Peer.Messages();
        Peer second = new Peer.Messages();
        live.connect(server, first, "echo-protocol");
        live.connect(server, second, "echo-protocol");

        server.close();

        assertThat(first.closeStatus()).startsWith("1001");
        assertThat(second.closeStatus()).startsWith("1001");
    }
}
