package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The upgrade check: a foreign page or another subprotocol gets 403; an accepted client gets no compression. */
class UpgradeTest {

    private final WebSocketClient client = new WebSocketClient();
    private PushServer server;

    @AfterEach
    void stop() throws Exception {
        client.stop();
        server.stop();
    }

    @Test
    void aForeignPageAndAnotherSubprotocolAreRefusedWith403() throws Exception {
        server = PushTest.start();
        client.start();
        assertThat(upgradeStatus("http://evil.example:8086", PushServer.PROTOCOL)).isEqualTo(403);
        assertThat(upgradeStatus("http://localhost:" + server.uri().getPort(), "chat")).isEqualTo(403);
        assertThat(server.clients()).isZero();
    }

    @Test
    void compressionIsNotNegotiatedSoEveryClientGetsTheSameBytes() throws Exception {
        server = PushTest.start();
        client.start();
        Listener listener = new Listener();
        ClientUpgradeRequest request = new ClientUpgradeRequest(Listener.ws(server.uri()));
        request.setSubProtocols(PushServer.PROTOCOL);
        request.setExtensions(List.of(ExtensionConfig.parse("permessage-deflate")));
        client.connect(listener, request).get(10, TimeUnit.SECONDS);
        assertThat(listener.session.getUpgradeResponse().getExtensions()).isEmpty();
    }

    private int upgradeStatus(String origin, String protocol) {
        ClientUpgradeRequest request = new ClientUpgradeRequest(Listener.ws(server.uri()));
        request.setHeader("Origin", origin);
        request.setSubProtocols(protocol);
        Throwable failure = catchThrowable(
                () -> client.connect(new Listener(), request).get(10, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UpgradeException.class);
        return ((UpgradeException) failure.getCause()).getResponseStatusCode();
    }
}
