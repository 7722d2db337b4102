package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.github.wsrecipes.support.socketio.RequestGuard;

/**
 * The libraries' behaviour that {@link ConnectGate} works around, on a bare netty-socketio server
 * without it. When this test fails, an upgrade of netty-socketio or socket.io-client-java has
 * changed that behaviour: check whether ConnectGate is still needed (SocketIoServerTest's
 * greeting tests fail when the gate itself breaks).
 */
class ConnectGateTest {

    private SocketIOServer bare;

    @AfterEach
    void stop() {
        bare.stop();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void withoutTheGateAGreetingFromTheConnectListenerArrivesGarbled(Transports transports) {
        Configuration config = new Configuration();
        config.setHostname("localhost");
        config.setPort(0);
        bare = new SocketIOServer(config);
        // Only the gate is left out: without RequestGuard's upgrade nudge, netty-socketio stalls about one upgrade in 60.
        bare.setPipelineFactory(new RequestGuard(origin -> true, config.getContext()));
        bare.getNamespace("").addConnectListener(socket -> socket.sendEvent("message", "Hi, from server"));
        int port = ((io.netty.channel.ChannelFuture) bare.startAsync()).syncUninterruptibly().channel().localAddress() instanceof java.net.InetSocketAddress a
                ? a.getPort() : -1;

        try (TestClient client = TestClient.connect("http://localhost:" + port, "/", transports)) {
            // The listener ran before the client's CONNECT; the client replayed the early event
            // with its name shifted into the arguments.
            assertThat(client.first("message").args()).isEqualTo(List.of("message", "Hi, from server"));
        }
    }
}
