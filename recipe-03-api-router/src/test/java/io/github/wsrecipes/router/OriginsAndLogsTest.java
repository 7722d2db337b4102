package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.github.wsrecipes.support.Origins;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Which pages may connect (the kit's Origins rule), and what a peer's text may do to the log. */
class OriginsAndLogsTest {

    private final WebSocketClient client = new WebSocketClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private RouterServer server;

    @BeforeEach
    void listen() throws Exception {
        log.start();
        root.addAppender(log);
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(log);
        client.stop();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void foreignAndNullOriginsAreRefusedWith403AndLoggedOnce() throws Exception {
        server = LiveRouter.start();
        assertThat(refusal("http://evil.example")).isEqualTo(403);
        assertThat(refusal("null")).isEqualTo(403);
        // DNS rebinding: a foreign name that resolves here carries that name in Host and Origin alike.
        assertThat(refusal("http://evil.example:" + server.port())).isEqualTo(403);
        assertThat(lines()).filteredOn(line -> line.contains("origin http://evil.example is not allowed")).hasSize(1);
    }

    @Test
    void thisMachinesPagesOfTheKitAndProgramsWithoutOriginAreAllowed() throws Exception {
        server = LiveRouter.start();
        for (String origin : new String[] {"http://localhost:" + server.port(), "http://127.0.0.1:8083", "http://localhost:8082", null}) {
            try (Peer peer = Peer.connectFrom(client, ws(), origin, "echo-protocol").get(15, TimeUnit.SECONDS)) {
                assertThat(peer.ask("{\"path\":\"route_a\"}").get("status").asInt()).as("origin %s", origin).isEqualTo(200);
            }
        }
        assertThat(refusal("http://localhost:9999")).as("a port outside the kit's").isEqualTo(403);
    }

    @Test
    void allowedOriginFlagAdmitsThatOriginAndAllowAnyOriginAdmitsEveryOne() throws Exception {
        server = LiveRouter.start("--allowed-origin", "http://class.example:9000");
        Peer.connectFrom(client, ws(), "http://class.example:9000", "echo-protocol").get(15, TimeUnit.SECONDS).close();
        assertThat(refusal("http://other.example:9000")).isEqualTo(403);
        server.stop();

        server = LiveRouter.start("--allow-any-origin");
        Peer.connectFrom(client, ws(), "http://evil.example", "update-protocol").get(15, TimeUnit.SECONDS).close();
    }

    @Test
    void aMessageIsLoggedOnceEscapedAndCutSoItCannotForgeALine() throws Exception {
        server = LiveRouter.start();
        try (Peer api = Peer.open(client, ws(), "echo-protocol"); Peer updates = Peer.open(client, ws(), "update-protocol")) {
            String forged = "{\"path\":\"x\"}\n15:00:00.000 ERROR RouterServer - FORGED\u001b[31m" + "y".repeat(500);
            api.ask(forged);
            updates.send("an update\r\n15:00:00.000 ERROR RouterServer - FORGED");
            updates.next();

            assertThat(lines()).filteredOn(line -> line.contains("FORGED")).hasSize(2).allSatisfy(line -> {
                assertThat(line).doesNotContain("\n", "\r", "\u001b").contains("\\n", "FORGED");
                assertThat(line.length()).isLessThan(300);
            });
            assertThat(lines()).contains("Received Message: {\"path\":\"x\"}\\n15:00:00.000 ERROR RouterServer - FORGED\\u001b[31m"
                    + "y".repeat(200 - forged.indexOf("yyy")) + "… (" + forged.length() + " chars)");
        }
    }

    @Test
    void quietDropsTheLinePerMessageButKeepsConnectsAndCloses() throws Exception {
        server = LiveRouter.start("--quiet");
        Peer api = Peer.open(client, ws(), "echo-protocol");
        api.ask("{\"path\":\"route_a\"}");
        api.close();
        org.awaitility.Awaitility.await().until(() -> lines().stream().anyMatch(line -> line.startsWith("Disconnected:")));

        assertThat(lines()).noneMatch(line -> line.contains("route_a")).anyMatch(line -> line.startsWith("Connected:"));
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private java.net.URI ws() {
        return java.net.URI.create("ws://localhost:" + server.port() + "/");
    }

    private int refusal(String origin) {
        Throwable refused = catchThrowable(() -> Peer.connectFrom(client, ws(), origin, "echo-protocol").get(15, TimeUnit.SECONDS));
        assertThat(refused).as("the server should refuse origin %s", origin).hasCauseInstanceOf(UpgradeException.class);
        return ((UpgradeException) refused.getCause()).getResponseStatusCode();
    }
}
