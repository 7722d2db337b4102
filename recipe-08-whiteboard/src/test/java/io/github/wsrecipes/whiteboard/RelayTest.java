package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static io.github.wsrecipes.whiteboard.LiveBoard.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay rules over real sockets. An event that must NOT arrive is proven absent by a later
 * event that does: the board sends in one order, so the absent one would have come first.
 */
class RelayTest {

    private final WebSocketClient client = new WebSocketClient();
    private LiveBoard board;

    @BeforeEach
    void start() throws Exception {
        client.start();
        board = LiveBoard.start("--history", "5", "--max-backlog", "65536");
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        board.close();
    }

    @Test
    void eachConnectionGetsItsOwnSocketid() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(join(client, board.uri()).socketid);
        }
        assertThat(ids).hasSize(5).allMatch(id -> id.matches("\\d+"));
    }

    @Test
    void anEventReachesEveryOtherPeerButNeverItsSender() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());
        Peer c = join(client, board.uri());

        String event = mouse("mousedown", a.socketid, "#e53935", 4, 10, 20, 1);
        send(a.session, event);
        assertThat(b.nextEvent()).isEqualTo(event);
        assertThat(c.nextEvent()).isEqualTo(event);

        String answer = mouse("mousedown", b.socketid, "blue", 2, 30, 40, 2);
        send(b.session, answer);
        assertThat(a.nextEvent()).as("the first event A gets is B's, not its own").isEqualTo(answer);
    }

    @Test
    void aForgedSocketidDoesNotChangeWhoReceives() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());

        // The listing's server skipped whoever's id the event claimed: here B would have missed it.
        String forged = mouse("mousemove", b.socketid, "#43a047", 3, 5, 5, 7);
        send(a.session, forged);
        assertThat(b.nextEvent()).isEqualTo(forged);

        String answer = mouse("mouseup", b.socketid, "#43a047", 3, 5, 5, 8);
        send(b.session, answer);
        assertThat(a.nextEvent()).as("A's forged event did not come back to A").isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"mousedown\",\"strokeStyle\":\"<script>alert(1)</script>\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red;background:url(x)\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":0,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":1000,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":NaN,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":\"NaN\",\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1e999,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4}",
        "{\"type\":\"touchmove\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"targetTouches\":[]}",
        "{\"type\":\"keydown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1,\"html\":\"<b>\"}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1,\"seq\":1.5}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1,\"t\":\"123456789012345678901234567890123\"}",
        "{\"type\":\"mousedown\",\"type\":\"clear\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}",
        "{\"type\":\"touchmove\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"targetTouches\":[[[[[[1]]]]]]}",
        "{\"type\":\"mousedown\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1} trailing",
        "[\"mousedown\"]",
        "not json at all",
    })
    void anInvalidEventIsAnsweredWithAnErrorAndRelayedToNoOne(String invalid) throws Exception {
        assertRefused(invalid);
    }

    @Test
    void anEventOverOneKibibyteIsAnsweredWithAnErrorAndRelayedToNoOne() throws Exception {
        assertRefused("{\"type\":\"mousedown\",\"socketid\":\"" + "x".repeat(1100) + "\",\"strokeStyle\":\"red\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}");
    }

    private void assertRefused(String invalid) throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());

        send(a.session, invalid);
        assertThat(a.nextEvent()).startsWith("{\"type\":\"error\",\"error\":\"");

        String valid = mouse("mousedown", a.socketid, "red", 4, 1, 1, 9);
        send(a.session, valid);
        assertThat(b.nextEvent()).as("B never got the refused event").isEqualTo(valid);
        assertThat(board.server.clients()).as("the sender stays connected").isEqualTo(2);
    }

    @Test
    void aMessageOverTheReadLimitClosesItsSenderWith1009AndReachesNoOne() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());

        // Just over the 64 KiB limit: small enough to leave the client whole, so it is still there to read the 1009.
        send(a.session, "{\"t\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(a.closeStatus()).startsWith("1009");

        Peer c = join(client, board.uri());
        String valid = mouse("mousedown", c.socketid, "red", 4, 1, 1, 1);
        send(c.session, valid);
        assertThat(b.nextEvent()).isEqualTo(valid);
    }

    @Test
    void aBinaryMessageIsRefusedWithAClearClose() throws Exception {
        Peer a = join(client, board.uri());

        a.session.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), Callback.NOOP);

        assertThat(a.closeStatus()).isEqualTo("1003 binary messages are not draw events: send JSON text");
    }

    @Test
    void seqAndTPassThroughUnchanged() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());
        String event = "{\"type\":\"touchmove\",\"socketid\":1,\"strokeStyle\":\"rgba(0, 0, 255, 0.5)\",\"lineWidth\":\"12\","
                + "\"targetTouches\":[{\"pageX\":1.25,\"pageY\":-3}],\"seq\":9007199254740991,\"t\":\"2026-11-30T16:00:00.123Z\"}";

        send(a.session, event);

        assertThat(b.nextEvent()).isEqualTo(event);
    }

    @Test
    void aLateJoinerGetsTheLastEventsInOrder() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());
        for (int seq = 1; seq <= 8; seq++) {
            send(a.session, mouse("mousemove", a.socketid, "red", 4, seq, seq, seq));
        }
        for (int seq = 1; seq <= 8; seq++) {
            assertThat(b.nextEvent()).contains("\"seq\":" + seq + "}");
        }

        Peer late = join(client, board.uri());

        for (int seq = 4; seq <= 8; seq++) { // --history 5: the last five
            assertThat(late.nextEvent()).isEqualTo(mouse("mousemove", a.socketid, "red", 4, seq, seq, seq));
        }
    }

    @Test
    void clearClearsEveryOtherBoardAndTheHistory() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());
        send(a.session, mouse("mousedown", a.socketid, "red", 4, 1, 1, 1));
        assertThat(b.nextEvent()).contains("mousedown");

        String clear = "{\"type\":\"clear\",\"socketid\":\"" + b.socketid + "\"}";
        send(b.session, clear);
        assertThat(a.nextEvent()).isEqualTo(clear);

        Peer late = join(client, board.uri());
        String after = mouse("mousedown", a.socketid, "blue", 4, 2, 2, 2);
        send(a.session, after);
        assertThat(late.nextEvent()).as("nothing from before the clear is replayed").isEqualTo(after);
    }

    @Test
    void theServerTellsEveryoneHowManyPeopleAreDrawing() throws Exception {
        Peer a = join(client, board.uri());
        assertThat(a.next()).isEqualTo("{\"type\":\"people\",\"count\":1}");
        Peer b = join(client, board.uri());
        assertThat(List.of(a.next(), b.next())).containsOnly("{\"type\":\"people\",\"count\":2}");

        b.session.close();

        assertThat(a.next()).isEqualTo("{\"type\":\"people\",\"count\":1}");
    }

    @Test
    void anotherSubprotocolIsRefusedWith403() {
        assertThatThrownBy(() -> Peer.connect(client, board.uri(), new Peer.Messages(), null, "echo-protocol"))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UpgradeException.class).hasMessageContaining("403");
    }

    @Test
    void aForeignPageIsRefusedWith403() {
        assertThatThrownBy(() -> Peer.connect(client, board.uri(), new Peer.Messages(), "http://evil.example", WhiteboardServer.PROTOCOL))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UpgradeException.class).hasMessageContaining("403");
    }

    @Test
    void stopClosesEveryConnectionWith1001() throws Exception {
        Peer a = join(client, board.uri());
        // The socketid arrives from inside onOpen; Jetty lists the session for the stop once onOpen returns.
        await().atMost(Duration.ofSeconds(5)).until(() -> board.server.clients() == 1);

        board.server.stop();

        assertThat(a.closeStatus()).isEqualTo("1001 server is shutting down");
    }
}
