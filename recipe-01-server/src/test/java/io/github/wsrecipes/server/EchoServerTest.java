package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The echo server over real sockets: greeting, echo, the upgrade gate, stopping. */
class EchoServerTest {

    private final WebSocketClient client = new WebSocketClient();
    private final List<EchoServer> servers = new ArrayList<>();

    @BeforeEach
    void startClient() throws Exception {
        client.setMaxBinaryMessageSize(2 * 1024 * 1024);
        client.setMaxTextMessageSize(2 * 1024 * 1024);
        client.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        client.stop();
        servers.forEach(EchoServer::close);
    }

    EchoServer start(String... args) throws Exception {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs(args);
        options.port = 0;
        EchoServer server = EchoServer.start(options);
        servers.add(server);
        return server;
    }

    @Test
    void startedOnPortZeroReportsTheBoundPort() throws Exception {
        EchoServer server = start();

        assertThat(server.port()).isPositive();
        assertThat(server.uri()).hasToString("http://localhost:" + server.port() + "/");
    }

    @Test
    void greetsWithYoThenEchoesText() throws Exception {
        Peer peer = new Peer.Messages();
        Session session = Peer.connect(client, start().uri(), peer, null, "echo-protocol");

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
        Session session = Peer.connect(client, start().uri(), peer, null, "echo-protocol");

        session.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);

        assertThat(peer.next()).isEqualTo("yo");
        assertThat((byte[]) peer.next()).isEqualTo(bytes);
    }

    @Test
    void foreignOriginIsRefusedWith403() throws Exception {
        EchoServer server = start();

        assertThatThrownBy(() -> Peer.connect(client, server.uri(), new Peer.Messages(), "http://evil.example", "echo-protocol"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void kitPagesAndThePagesOfThisServerAreAllowedOrigins() throws Exception {
        EchoServer server = start();

        Peer.connect(client, server.uri(), new Peer.Messages(), "http://localhost:8082", "echo-protocol");
        Peer.connect(client, server.uri(), new Peer.Messages(), "http://localhost:" + server.port(), "echo-protocol");
    }

    @Test
    void allowedOriginFlagAdmitsThatOrigin() throws Exception {
        EchoServer server = start("--allowed-origin", "http://192.168.1.20:8081");

        Peer.connect(client, server.uri(), new Peer.Messages(), "http://192.168.1.20:8081", "echo-protocol");
    }

    @Test
    void allowAnyOriginAdmitsForeignPages() throws Exception {
        EchoServer server = start("--allow-any-origin");

        Peer.connect(client, server.uri(), new Peer.Messages(), "http://evil.example", "echo-protocol");
    }

    @Test
    void missingSubprotocolIsRefusedWith403() throws Exception {
        EchoServer server = start();

        assertThatThrownBy(() -> Peer.connect(client, server.uri(), new Peer.Messages(), null))
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void unknownSubprotocolIsRefusedWith403() throws Exception {
        EchoServer server = start();

        assertThatThrownBy(() -> Peer.connect(client, server.uri(), new Peer.Messages(), null, "chat-protocol"))
                .cause().isInstanceOf(UpgradeException.class)
                .extracting(cause -> ((UpgradeException) cause).getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void autoAcceptConnectionsAcceptsAnyOriginAndProtocol() throws Exception {
        EchoServer server = start("--auto-accept-connections");
        Peer peer = new Peer.Messages();

        Peer.connect(client, server.uri(), peer, "http://evil.example", "chat-protocol");

        assertThat(peer.next()).isEqualTo("yo");
    }

    @Test
    void stoppingTheServerClosesEveryPeerWith1001() throws Exception {
        EchoServer server = start();
        Peer first = new Peer.Messages();
        Peer second = new Peer.Messages();
        Peer.connect(client, server.uri(), first, null, "echo-protocol");
        Peer.connect(client, server.uri(), second, null, "echo-protocol");

        server.close();

        assertThat(first.closeStatus()).startsWith("1001");
        assertThat(second.closeStatus()).startsWith("1001");
    }
}
