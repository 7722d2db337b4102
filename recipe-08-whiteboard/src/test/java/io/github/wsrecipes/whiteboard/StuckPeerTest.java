package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer that never reads costs a bounded backlog, is cut off, and never slows the others down. */
class StuckPeerTest {

    // 8 MB in all: past the 64 KiB backlog even after the kernel's socket buffers (up to 4 MB here) have filled.
    private static final int EVENTS = 8_000;
    private static final String PADDING = " ".repeat(880); // JSON allows it; the relay passes it unchanged

    private final WebSocketClient client = new WebSocketClient();
    private LiveBoard board;

    @BeforeEach
    void start() throws Exception {
        client.start();
        board = LiveBoard.start("--history", "10", "--max-backlog", "65536", "--close-timeout", "1000", "--quiet");
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        board.close();
    }

    @Test
    void aPeerThatNeverReadsIsClosedAndTheOthersGetEveryEvent() throws Exception {
        Peer sender = join(client, board.uri());
        Peer reader = join(client, board.uri());
        try (StuckPeer stuck = new StuckPeer(LiveBoard.ws(board.uri()))) {
            await().until(() -> board.server.clients() == 3);
            long started = System.nanoTime();

            // Sent in batches of 20 (about 19 KB) that the reader takes before the next: the reader is never
            // near the 64 KB bound, however slow this machine is, while the stuck peer falls ever further behind.
            for (int batch = 0; batch < EVENTS; batch += 20) {
                for (int seq = batch + 1; seq <= batch + 20; seq++) {
                    LiveBoard.send(sender.session, PADDING + mouse("mousemove", sender.socketid, "#1e88e5", 4, seq % 800, 300, seq));
                }
                for (int seq = batch + 1; seq <= batch + 20; seq++) {
                    assertThat(reader.nextEvent()).endsWith("\"seq\":" + seq + "}");
                }
            }
            long readerDone = System.nanoTime();

            // 1013 is queued behind what the stuck peer never read, so the server cuts the connection itself.
            await().atMost(Duration.ofSeconds(15)).until(() -> board.server.clients() == 2);
            assertThat(stuck.drainsToTheEnd()).as("the server hung up on the stuck peer").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(readerDone - started)).as("the reader was never held back").isLessThan(10);
        }
    }
}
