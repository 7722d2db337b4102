package io.github.wsrecipes.router;

import static io.github.wsrecipes.router.Peer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code update-protocol}: an update from one client reaches every update client and no API client. */
class UpdateBroadcastTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();

    @Test
    void twoUpdateClientsSeeEachOthersUpdatesAndTheirOwn() throws Exception {
        try (Peer first = router.open("update-protocol");
             Peer second = router.open("update-protocol")) {

            first.send("{\"score\":3}");
            assertThat(first.nextJson()).isEqualTo(json("{\"update\":\"{\\\"score\\\":3}\",\"from\":1}"));
            assertThat(second.nextJson()).isEqualTo(json("{\"update\":\"{\\\"score\\\":3}\",\"from\":1}"));

            second.send("<b>not markup</b>");
            assertThat(first.nextJson()).isEqualTo(json("{\"update\":\"<b>not markup</b>\",\"from\":2}"));
            assertThat(second.nextJson()).isEqualTo(json("{\"update\":\"<b>not markup</b>\",\"from\":2}"));
        }
    }

    @Test
    void echoProtocolClientsSeeNoUpdates() throws Exception {
        try (Peer api = router.open("echo-protocol");
             Peer updates = router.open("update-protocol")) {

            updates.send("for update clients only");
            assertThat(updates.nextJson().get("update").asText()).isEqualTo("for update clients only");

            // The broadcast is done; had it reached the API client, it would arrive before this reply.
            assertThat(api.ask("{\"path\":\"route_a\"}").get("path").asText()).isEqualTo("route_a");
        }
    }

    @Test
    void binaryUpdateIsRefusedToItsSenderAndBroadcastToNoOne() throws Exception {
        try (Peer sender = router.open("update-protocol");
             Peer other = router.open("update-protocol")) {

            sender.sendBinary(new byte[] {1, 2});
            assertThat(sender.nextJson()).isEqualTo(json("{\"status\":400,\"error\":\"update-protocol takes text; got 2 bytes of binary\"}"));

            sender.send("text is fine");
            assertThat(other.nextJson().get("update").asText()).isEqualTo("text is fine");
        }
    }

    @Test
    void closedClientLeavesTheUpdates() throws Exception {
        Peer leaving = router.open("update-protocol");
        try (Peer staying = router.open("update-protocol")) {
            await().until(router.server()::clients, size -> size == 2);

            leaving.close();

            // The server may answer the close before it has run its own close handler: wait for it.
            await().until(router.server()::clients, size -> size == 1);
            staying.send("still here");
            assertThat(staying.nextJson()).isEqualTo(json("{\"update\":\"still here\",\"from\":2}"));
        }
    }
}
