package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.github.wsrecipes.support.Origins;
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

        assertThat(server.uri().getPort()).isPositive();
        assertThat(server.uri()).hasToString("http://localhost:" + server.uri().getPort() + "/");
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

        // recipe 02's page, and this server's own page under both loopback names (port 0 picked the port)
        for (String origin : List.of("http://localhost:8082", "http://127.0.0.1:8082",
                "http://localhost:" + server.uri().getPort(), "http://127.0.0.1:" + server.uri().getPort())) {
            assertThat(greetingFrom(origin, server)).as(origin).isEqualTo("yo");
        }
    }

    @Test
    void pagesLoadedFromThisMachinesLanAddressAreAllowed() throws Exception {
        List<String> lan = Origins.lanAddresses();
        assumeFalse(lan.isEmpty(), "this machine has no LAN address");
        EchoServer server = live.start(); // the Origin decides, not the interface listened on

        // A class on the LAN: recipe 02's page and this server's page, both loaded from the teacher's address.
        assertThat(greetingFrom("http://" + lan.get(0) + ":8082", server)).isEqualTo("yo");
        assertThat(greetingFrom("http://" + lan.get(0) + ":" + server.uri().getPort(), server)).isEqualTo("yo");
    }

    @Test
    void aPageOfThisMachineOutsideTheKitsPortsIsRefused() throws Exception {
        EchoServer server = live.start();

        assertThat(statusFrom("http://localhost:9999", server)).isEqualTo(403);
    }

    @Test
    void anOriginThatOnlyEqualsAForeignHostIsRefused() throws Exception {
        EchoServer server = live.start();

        // DNS rebinding: evil.example resolves to this machine, so the browser sends that name as Host too.
        assertThatThrownBy(() -> new RawWebSocket(server.uri(), "evil.example:" + server.uri().getPort(),
                "http://evil.example:" + server.uri().getPort()).close())
                .isInstanceOf(IOException.class).hasMessageContaining("403");
    }

    @Test
    void allowedOriginFlagAdmitsThatOrigin() throws Exception {
        EchoServer plain = live.start();
        EchoServer server = live.start("--allowed-origin", "http://192.168.1.20:9000");

        assertThat(statusFrom("http://192.168.1.20:9000", plain)).as("without the flag").isEqualTo(403);
        assertThat(greetingFrom("http://192.168.1.20:9000", server)).isEqualTo("yo");
    }

    @Test
    void allowAnyOriginAdmitsForeignPages() throws Exception {
        EchoServer server = live.start("--allow-any-origin");

        assertThat(greetingFrom("http://evil.example", server)).isEqualTo("yo");
    }

    private Object greetingFrom(String origin, EchoServer server) throws Exception {
        Peer peer = new Peer.Messages();
        Session session = live.connectFrom(origin, server, peer, "echo-protocol");
        assertThat(session.getUpgradeResponse().getAcceptedSubProtocol()).isEqualTo("echo-protocol");
        return peer.next();
    }

    private int statusFrom(String origin, EchoServer server) {
        Throwable refused = catchThrowable(() -> live.connectFrom(origin, server, new Peer.Messages(), "echo-protocol"));
        assertThat(refused).as("refused").isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UpgradeException.class);
        return ((UpgradeException) refused.getCause()).getResponseStatusCode();
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
        assertThat(List.of(first.next(), second.next())).containsExactly("yo", "yo");
        // Jetty lists a session as open only once onWebSocketOpen (which sends yo) has returned.
        await().atMost(Duration.ofSeconds(5)).until(server::clients, clients -> clients == 2);

        long start = System.nanoTime();
        server.stop();
        Duration stopping = Duration.ofNanos(System.nanoTime() - start);

        assertThat(first.closeStatus()).isEqualTo("1001 server is shutting down");
        assertThat(second.closeStatus()).isEqualTo("1001 server is shutting down");
        assertThat(server.clients()).isZero();
        assertThat(stopping).as("peers that answer at once are not kept waiting for the 5 s close timeout")
                .isLessThan(Duration.ofMillis(2_500));
    }
}
