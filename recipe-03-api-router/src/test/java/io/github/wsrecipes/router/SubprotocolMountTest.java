package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Every row of the mount table: which protocol on which path reaches which endpoint, and 403 otherwise. */
class SubprotocolMountTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();
    private final ListAppender<ILoggingEvent> mountLog = new ListAppender<>();

    @BeforeEach
    void listenToTheMountTable() {
        mountLog.start();
        ((Logger) LoggerFactory.getLogger(MountTable.class)).addAppender(mountLog);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(MountTable.class)).detachAppender(mountLog);
    }

    @Test
    void echoProtocolOnAnyPathReachesTheJsonApi() throws Exception {
        try (Peer api = router.openAt("/any/path", "echo-protocol")) {
            assertThat(api.protocol()).isEqualTo("echo-protocol");
            assertThat(api.ask("{\"path\":\"route_a\"}").get("status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void updateProtocolOnAnyPathReachesTheUpdates() throws Exception {
        try (Peer updates = router.openAt("/live", "update-protocol")) {
            assertThat(updates.protocol()).isEqualTo("update-protocol");
            updates.send("hello");
            assertThat(updates.nextJson().get("update").asText()).isEqualTo("hello");
        }
    }

    @Test
    void unknownProtocolIsRefusedWith403AndLogged() throws Exception {
        assertThat(refusal("/", "chat-protocol")).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.endsWith("protocol not acceptable: chat-protocol on path /"));
    }

    @Test
    void missingProtocolIsRefusedWith403AndLogged() throws Exception {
        assertThat(refusal("/")).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.endsWith("protocol not acceptable: (none) on path /"));
    }

    @Test
    void clientOfferingSeveralProtocolsGetsTheFirstMountedOne() throws Exception {
        try (Peer peer = router.openAt("/", "chat-protocol", "update-protocol", "echo-protocol")) {
            assertThat(peer.protocol()).isEqualTo("update-protocol");
        }
    }

    @Test
    void mountOnOnePathTakesThatPathOnly() throws Exception {
        // One line mounts a third protocol, on /chat only.
        router.server().router.mount("/chat", "chat-protocol", () -> new Endpoint.Updates(new Endpoint.Updates.Members(), new Options()));

        try (Peer chat = router.openAt("/chat", "chat-protocol")) {
            assertThat(chat.protocol()).isEqualTo("chat-protocol");
        }
        assertThat(refusal("/elsewhere", "chat-protocol")).isEqualTo(403);
        assertThat(mountLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.endsWith("protocol not acceptable: chat-protocol on path /elsewhere"));
    }

    /** The HTTP status with which the server refused the upgrade. */
    private int refusal(String path, String... protocols) {
        Throwable refused = catchThrowable(() -> router.connect(path, protocols).get(5, TimeUnit.SECONDS));
        assertThat(refused).as("the server should refuse the upgrade").hasCauseInstanceOf(UpgradeException.class);
        return ((UpgradeException) refused.getCause()).getResponseStatusCode();
    }
}
