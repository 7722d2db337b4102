package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.scaleout.RedisNode;
import io.github.wsrecipes.testsupport.RecipeJar;
import io.github.wsrecipes.testsupport.RedisServer;

/** {@code --redis} as a learner runs it: node 1 is the jar in its own process, node 2 runs in the test. */
class ChatOverRedisJarIT {

    @Test
    void theMembersOfAKilledNodeLeaveForEveryoneWithinTheHeartbeatBound() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RecipeJar node1 = RecipeJar.start("recipe-07-chat", "--port", "0", "--socketio-port", "0", "--redis", redis.uri().toString())) {
            ChatServer node2 = TestClient.startServer("--redis", redis.uri().toString());
            try (TestClient ada = TestClient.join(node1.uriAfter("Socket.IO on "), "ada"); TestClient bob = TestClient.join(node2.socketIoUri(), "bob")) {
                assertThat(node1.output()).contains(", redis=" + redis.uri() + ", ");
                assertThat(bob.first("members").data()).containsEntry("members", List.of("ada", "bob"));

                long killed = System.nanoTime();
                node1.close(); // SIGKILL: no shutdown hook, no goodbye; only its heartbeat key expiring tells
                Map<String, Object> left = bob.first("disconnected").data();
                Duration after = Duration.ofNanos(System.nanoTime() - killed);

                assertThat(left).isEqualTo(Map.of("name", "ada", "online", 1));
                assertThat(after).as("the key lives %d ms after the last beat, and beats come every %d ms", RedisNode.TTL_MS, RedisNode.BEAT_MS)
                        .isBetween(Duration.ofMillis(RedisNode.TTL_MS - 2 * RedisNode.BEAT_MS),
                                Duration.ofMillis(RedisNode.TTL_MS + RedisNode.BEAT_MS + 4_000)); // + slack for a loaded machine
                bob.roundTrip();
                assertThat(bob.all("disconnected")).as("told once, though each node sweeps").hasSize(1);
            } finally {
                node2.stop();
            }
        }
    }

    @Test
    void aNodeStoppedWithCtrlCSaysGoodbyeForItsMembersAtOnce() throws Exception {
        try (RedisServer redis = RedisServer.start();
                RecipeJar node1 = RecipeJar.start("recipe-07-chat", "--port", "0", "--socketio-port", "0", "--redis", redis.uri().toString())) {
            ChatServer node2 = TestClient.startServer("--redis", redis.uri().toString());
            try (TestClient ada = TestClient.join(node1.uriAfter("Socket.IO on "), "ada"); TestClient bob = TestClient.join(node2.socketIoUri(), "bob")) {
                long stopped = System.nanoTime();
                node1.stop(); // SIGTERM, as Ctrl+C

                assertThat(bob.first("disconnected").data()).isEqualTo(Map.of("name", "ada", "online", 1));
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("a goodbye, not an expired heartbeat")
                        .isLessThan(Duration.ofMillis(RedisNode.TTL_MS));
                assertThat(node1.exitCode()).isEqualTo(143);
                assertThat(RedisProbe.keys(redis, RedisNode.NODE + "*")).as("only node 2's heartbeat key is left").hasSize(1);
            } finally {
                node2.stop();
            }
        }
    }

    @Test
    void aRedisThatDoesNotAnswerIsOneLineAndExitOne() throws Exception {
        int port = RedisProbe.freePort();
        URI nobody = URI.create("redis://127.0.0.1:" + port);
        try (RecipeJar app = RecipeJar.start("recipe-07-chat", "--port", "0", "--socketio-port", "0", "--redis", nobody.toString())) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output().lines()).hasSize(2);
            assertThat(app.output().lines().toList().get(1)).isEqualTo("Cannot reach Redis at " + nobody
                    + ": Connection refused. Is redis-server running? (redis-server --port " + port + " starts one)");
        }
    }

    @Test
    void aRedisOptionThatIsNoRedisAddressIsAUsageError() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-07-chat", "--redis", "localhost:6379")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--redis must be redis://HOST:PORT, e.g. redis://localhost:6379, not localhost:6379\nTry --help.");
        }
    }
}
