package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ctrl+C: every peer is sent 1001 and the stop waits, at most the close timeout, until every
 * session has closed. (Jetty counts 1001 as an abnormal close and cuts the connection as soon as
 * the frame is out, without waiting for the peer's answer: what the wait covers is a close frame
 * still queued behind what a peer has not read.)
 */
class StopTest {

    private static final long CLOSE_TIMEOUT = 3_000;
    private static final int EVENTS = 8_000;
    private static final String PADDING = " ".repeat(880); // JSON allows it; the relay passes it unchanged

    private final WebSocketClient client = new WebSocketClient();
    private LiveBoard board;

    @BeforeEach
    void start() throws Exception {
        client.start();
        board = LiveBoard.start("--close-timeout", String.valueOf(CLOSE_TIMEOUT), "--history", "10", "--quiet");
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        board.close();
    }

    @Test
    void aPeerThatAnswersTheCloseGetsA1001AndTheStopReturnsQuickly() throws Exception {
        Peer a = join(client, board.uri());
        Peer b = join(client, board.uri());
        await().until(() -> board.server.clients() == 2);

        long started = System.nanoTime();
        board.server.stop();
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(a.closeStatus()).isEqualTo("1001 server is shutting down");
        assertThat(b.closeStatus()).isEqualTo("1001 server is shutting down");
        assertThat(took).as("the stop waited for the answers, not for the close timeout").isLessThan(CLOSE_TIMEOUT / 2);
    }

    @Test
    void aPeerThatNeverReadsHoldsTheStopForTheCloseTimeoutAndNoLonger() throws Exception {
        Peer sender = join(client, board.uri());
        Peer reader = join(client, board.uri());
        try (StuckPeer stuck = new StuckPeer(LiveBoard.ws(board.uri()))) {
            await().until(() -> board.server.clients() == 3);
            // 7 MB: more than the kernel's socket buffers hold, less than the backlog: the stuck peer's 1001 waits behind the rest.
            for (int seq = 1; seq <= EVENTS; seq++) {
                LiveBoard.send(sender.session, PADDING + mouse("mousemove", sender.socketid, "#1e88e5", 4, seq % 800, 300, seq));
            }
            for (int seq = 1; seq <= EVENTS; seq++) {
                assertThat(reader.nextEvent()).endsWith("\"seq\":" + seq + "}");
            }

            long started = System.nanoTime();
            board.server.stop();
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(reader.closeStatus()).isEqualTo("1001 server is shutting down");
            assertThat(took).as("the stop waited the close timeout for the stuck peer's close to go out")
                    .isGreaterThanOrEqualTo(CLOSE_TIMEOUT - 100)
                    .as("and then went on without it").isLessThan(CLOSE_TIMEOUT + 4_000);
            assertThat(stuck.drainsToTheEnd()).as("the stuck peer's connection was cut").isTrue();
        }
    }
}
