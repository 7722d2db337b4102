package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static io.github.wsrecipes.whiteboard.LiveBoard.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RedisServer;

/**
 * Two whiteboard nodes in this JVM sharing one real Redis ({@code --redis}): the relay rules hold
 * across nodes. An event that must NOT arrive is proven absent by a later one that does: every
 * node hands events on in Redis's one order, so the absent one would have come first.
 */
class TwoNodesOverRedisTest {

    private final WebSocketClient client = new WebSocketClient();
    private RedisServer redis;
    private LiveBoard node1;
    private LiveBoard node2;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        client.start();
        node1 = LiveBoard.start("--redis", redis.uri().toString(), "--history", "5", "--max-backlog", "65536");
        node2 = LiveBoard.start("--redis", redis.uri().toString(), "--history", "5", "--max-backlog", "65536");
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        if (node1 != null) {
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void socketidsAreUniqueAcrossNodes() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(join(client, node1.uri()).socketid);
            ids.add(join(client, node2.uri()).socketid);
        }
        assertThat(ids).hasSize(6).allMatch(id -> id.matches("\\d+"));
    }

    @Test
    void aStrokeReachesEveryOtherPeerOnEveryNodeOnceAndNeverItsSender() throws Exception {
        Peer a = join(client, node1.uri());
        Peer a2 = join(client, node1.uri());
        Peer b = join(client, node2.uri());

        String stroke = mouse("mousedown", a.socketid, "#e53935", 4, 10, 20, 1);
        send(a.session, stroke);
        assertThat(b.nextEvent()).as("node 2's peer").isEqualTo(stroke);
        assertThat(a2.nextEvent()).as("node 1's other peer").isEqualTo(stroke);

        String answer = mouse("mousedown", b.socketid, "blue", 2, 30, 40, 2);
        send(b.session, answer);
        assertThat(a.nextEvent()).as("the first event A gets is B's, not its own").isEqualTo(answer);
        assertThat(a2.nextEvent()).as("A2 got A's stroke once").isEqualTo(answer);

        String last = mouse("mouseup", a2.socketid, "blue", 2, 30, 40, 3);
        send(a2.session, last);
        assertThat(b.nextEvent()).as("B got A's stroke once, and not its own answer").isEqualTo(last);
    }

    @Test
    void aForgedSocketidChangesNothing() throws Exception {
        Peer a = join(client, node1.uri());
        Peer b = join(client, node2.uri());

        // The listing's server skipped whoever's id the event claimed: here B would have missed it, and A got it back.
        String forged = mouse("mousemove", b.socketid, "#43a047", 3, 5, 5, 7);
        send(a.session, forged);
        assertThat(b.nextEvent()).isEqualTo(forged);

        String answer = mouse("mouseup", b.socketid, "#43a047", 3, 5, 5, 8);
        send(b.session, answer);
        assertThat(a.nextEvent()).as("A's forged event did not come back to A").isEqualTo(answer);
    }

    @Test
    void strokesDrawnOnOneNodeAreReplayedToALateJoinerOnTheOtherOnceAndCapped() throws Exception {
        Peer a = join(client, node1.uri());
        Peer b = join(client, node2.uri());
        for (int seq = 1; seq <= 8; seq++) {
            send(a.session, mouse("mousemove", a.socketid, "red", 4, seq, seq, seq));
        }
        for (int seq = 1; seq <= 8; seq++) {
            assertThat(b.nextEvent()).endsWith("\"seq\":" + seq + "}"); // all 8 are in Redis now
        }

        Peer late = join(client, node2.uri());
        for (int seq = 4; seq <= 8; seq++) {
            assertThat(late.nextEvent()).as("the last 5 (--history 5), in order").endsWith("\"seq\":" + seq + "}");
        }
        String next = mouse("mouseup", a.socketid, "red", 4, 9, 9, 9);
        send(a.session, next);
        assertThat(late.nextEvent()).as("then the live events, none of the history twice").isEqualTo(next);
    }

    @Test
    void lateJoinersDuringAFloodGetEveryEventOnceAndInOrder() throws Exception {
        Peer a = join(client, node1.uri());
        int events = 2_000;
        List<Peer> late = new ArrayList<>();
        for (int seq = 1; seq <= events; seq++) {
            send(a.session, mouse("mousemove", a.socketid, "red", 4, seq % 800, 1, seq));
            if (seq % 200 == 0) {
                late.add(join(client, node2.uri())); // joins while events are on their way through Redis
            }
        }
        for (Peer peer : late) {
            // Its history (the last 5 before it came) and then the live events: one unbroken run, nothing twice.
            long previous = seqOf(peer.nextEvent());
            while (previous < events) {
                long seq = seqOf(peer.nextEvent());
                assertThat(seq).as("after event " + previous).isEqualTo(previous + 1);
                previous = seq;
            }
        }
    }

    private static long seqOf(String event) {
        return Long.parseLong(event.substring(event.lastIndexOf(':') + 1, event.length() - 1));
    }

    @Test
    void clearClearsEveryBoardOnEveryNodeAndTheSharedHistory() throws Exception {
        Peer a = join(client, node1.uri());
        Peer b = join(client, node2.uri());
        send(a.session, mouse("mousedown", a.socketid, "red", 4, 1, 1, 1));
        assertThat(b.nextEvent()).contains("\"seq\":1}");

        String clear = "{\"type\":\"clear\",\"socketid\":\"" + b.socketid + "\"}";
        send(b.session, clear);
        assertThat(a.nextEvent()).isEqualTo(clear);

        Peer late = join(client, node1.uri());
        String fresh = mouse("mousedown", a.socketid, "red", 4, 2, 2, 2);
        send(a.session, fresh);
        assertThat(late.nextEvent()).as("nothing drawn before the clear is replayed").isEqualTo(fresh);
    }

    @Test
    void anInvalidEventIsRelayedToNoNode() throws Exception {
        Peer a = join(client, node1.uri());
        Peer a2 = join(client, node1.uri());
        Peer b = join(client, node2.uri());

        send(a.session, "{\"type\":\"mousedown\",\"strokeStyle\":\"<script>alert(1)</script>\",\"lineWidth\":4,\"pageX\":1,\"pageY\":1}");
        assertThat(a.nextEvent()).startsWith("{\"type\":\"error\",\"error\":\"strokeStyle");

        String valid = mouse("mousedown", a.socketid, "red", 4, 1, 1, 9);
        send(a.session, valid);
        assertThat(b.nextEvent()).as("node 2 never got the refused event").isEqualTo(valid);
        assertThat(a2.nextEvent()).as("node 1 never got it either").isEqualTo(valid);
        Peer late = join(client, node2.uri());
        assertThat(late.nextEvent()).as("nor did the shared history").isEqualTo(valid);
    }
}
