package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every row of the mount table: which protocol on which path reaches which endpoint, and 403 otherwise. */
class SubprotocolMountTest {

    private final WebSocketClient client = new WebSocketClient();
    private final ListAppender<ILoggingEvent> mountLog = new ListAppender<>();
    private RouterServer server;

    @BeforeEach
    void start() throws Exception {
        client.start();
        mountLog.start();
        ((Logger) LoggerFactory.getLogger(MountTable.class)).addAppender(mountLog);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(MountTable.class)).detachAppender(mountLog);
        client.stop();
        server.close();
    }

    @Test
    void echoProtocolOnAnyPathReachesTheJsonApi() throws Exception {
        server = RouterServer.start(RouterOptions.parse("--port", "0"));

        try (Peer api = Peer.open(client, uri("/any/path"), "echo-protocol")) {
            assertThat(api.protocol()).isEqualTo("echo-protocol");
            assertThat(api.ask("{\"path\":\"route_a\"}").get("status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void updateProtocolOnAnyPathReachesTheUpdates() throws Exception {
        server = RouterServer.start(RouterOptions.parse("--port", "0"));

        try (Peer updates = Peer.open(client, uri("/"), "update-protocol")) {
            assertThat(updates.protocol()).isEqualTo("update-protocol");
            updates.send("hello");
            assertThat(updates.nextJson().get("update").asText()).isEqualTo("hello");
        }
    }

    @Test
    void unknownProtocolIsRefusedWith403AndLogged() throws Exception {
        server = RouterServer.start(RouterOptions.parse("--port", "0"));

        assertThat(refusal(uri("/"), "chat-protocol")).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("protocol not acceptable: chat-protocol on path /"));
    }

    @Test
    void missingProtocolIsRefusedWith403AndLogged() throws Exception {
        server = RouterServer.start(RouterOptions.parse("--port", "0"));

        assertThat(refusal(uri("/"))).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("protocol not acceptable: (none)"));
    }

    @Test
    void clientOfferingSeveralProtocolsGetsTheFirstMountedOne() throws Exception {
        server = RouterServer.start(RouterOptions.parse("--port", "0"));

        try (Peer peer = Peer.open(client, uri("/"), "chat-protocol", "update-protocol", "echo-protocol")) {
            assertThat(peer.protocol()).isEqualTo("update-protocol");
        }
    }

    @Test
    void mountOnOnePathTakesThatPathOnly() throws Exception {
        UpdateHub hub = new UpdateHub();
        server = RouterServer.start(RouterOptions.parse("--port", "0"),
                new MountTable().mount("/updates", "update-protocol", () -> new UpdateEndpoint(hub)));

        try (Peer updates = Peer.open(client, uri("/updates"), "update-protocol")) {
            assertThat(updates.protocol()).isEqualTo("update-protocol");
        }
        assertThat(refusal(uri("/elsewhere"), "update-protocol")).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("protocol not acceptable: update-protocol on path /elsewhere"));
    }

    private URI uri(String path) {
        return URI.create("ws://localhost:" + server.port() + path);
    }

    /** The HTTP status with which the server refused the upgrade. */
    private int refusal(URI uri, String... protocols) throws Exception {
        Throwable refused = catchThrowable(() -> Peer.connect(client, uri, protocols).get(5, TimeUnit.SECONDS));
        assertThat(refused).as("the server should refuse the upgrade").hasCauseInstanceOf(UpgradeException.class);
        return ((UpgradeException) refused.getCause()).getResponseStatusCode();
    }
}
