package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisException;

import io.github.wsrecipes.testsupport.RedisServer;

/** Two chat servers sharing one real Redis ({@code --redis}): one room, whatever node a member is on. */
class ChatOverRedisTest {

    private RedisServer redis;
    private ChatServer node1;
    private ChatServer node2;
    private URI one;
    private URI two;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start(); // a fresh, empty Redis per test, so names start free
        node1 = TestClient.startServer("--redis", redis.uri().toString(), "--history", "5");
        node2 = TestClient.startServer("--redis", redis.uri().toString(), "--history", "5");
        one = node1.socketIoUri();
        two = node2.socketIoUri();
    }

    @AfterEach
    void stop() {
        if (node1 != null) {
            node1.stop();
        }
        if (node2 != null) {
            node2.stop();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void membersOnTwoNodesJoinChatBothWaysAndLeave() throws Exception {
        try (TestClient ada = TestClient.join(one, "ada")) {
            TestClient bob = TestClient.join(two, "bob");
            assertThat(bob.first("members").data()).containsEntry("members", List.of("ada", "bob")).containsEntry("online", 2);
            assertThat(ada.first("joined").data()).isEqualTo(Map.of("name", "bob", "online", 2));

            Map<String, Object> fromAda = ada.say("hello from node 1");
            assertThat(bob.first("message").data()).containsEntry("name", "ada").containsEntry("message", "hello from node 1")
                    .containsEntry("seq", fromAda.get("seq"));
            Map<String, Object> fromBob = bob.emitWithAck("message", Map.of("name", "ada", "message", "hi from node 2"));
            assertThat(ada.first("message").data()).as("the name node 2 holds, not the forged one")
                    .containsEntry("name", "bob").containsEntry("message", "hi from node 2").containsEntry("seq", fromBob.get("seq"));
            ada.roundTrip();
            bob.roundTrip();
            assertThat(ada.all("message")).hasSize(1);
            assertThat(bob.all("message")).as("no echo of a member's own line from the other node").hasSize(1);

            bob.close();
            assertThat(ada.first("disconnected").data()).isEqualTo(Map.of("name", "bob", "online", 1));
        }
    }

    @Test
    void aLateJoinerOnNode2GetsTheHistoryOfNode1UnderOneSequence() throws Exception {
        try (TestClient ada = TestClient.join(one, "ada")) {
            for (int i = 1; i <= 7; i++) {
                ada.say("line " + i);
            }
            try (TestClient cy = TestClient.join(two, "cy")) {
                List<?> history = (List<?>) cy.first("history").args().get(0);
                assertThat(field(history, "message")).as("--history 5: the last five")
                        .containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
                assertThat(field(history, "seq")).containsExactly(3, 4, 5, 6, 7);
                assertThat(field(history, "name").stream().distinct().toList()).containsExactly("ada");
                assertThat(cy.say("from node 2")).containsEntry("seq", 8);
            }
        }
    }

    @Test
    void duplicateNamesAcrossNodesGetASuffix() {
        try (TestClient first = TestClient.join(one, "ada"); TestClient second = TestClient.join(two, "ada");
                TestClient third = TestClient.join(one, "ada")) {
            assertThat(second.first("members").data()).containsEntry("you", "ada (2)");
            assertThat(third.first("members").data()).containsEntry("members", List.of("ada", "ada (2)", "ada (3)"))
                    .containsEntry("you", "ada (3)");
        }
    }

    @Test
    void namesStayUniqueWhenEightJoinAtOnceOnTwoNodes() {
        List<TestClient> clients = IntStream.range(0, 8).mapToObj(i -> TestClient.connect(i % 2 == 0 ? one : two)).toList();
        try {
            clients.forEach(client -> CompletableFuture.runAsync(() -> client.emit("joined", Map.of("name", "ada"))));
            Set<Object> names = clients.stream().map(client -> client.first("members").data().get("you"))
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(names).hasSize(8).contains("ada", "ada (8)");
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void aRejoinOnTheOtherNodeTakesThePlaceBackAndTheOldSocketHearsNoMore() throws Exception {
        try (TestClient bob = TestClient.join(one, "bob"); TestClient ada = TestClient.join(one, "ada")) {
            String key = (String) ada.first("members").data().get("key");
            try (TestClient back = TestClient.connect(two)) {
                back.emit("joined", Map.of("name", "someone else", "key", key));
                assertThat(back.first("members").data()).containsEntry("you", "ada").containsEntry("online", 2)
                        .containsEntry("members", List.of("bob", "ada"));
                int mark = ada.mark();
                bob.say("still there?");
                assertThat(back.first("message").data()).containsEntry("message", "still there?");
                ada.roundTrip();
                assertThat(ada.events().subList(mark, ada.events().size())).extracting(TestClient.Event::name)
                        .as("the replaced socket on node 1 is out of the room").doesNotContain("message");
                bob.roundTrip();
                assertThat(bob.all("joined")).extracting(event -> event.data().get("name")).containsExactly("ada");
            }
        }
    }

    @Test
    void aNodeThatStopsSaysGoodbyeForItsMembersAndClosesItsRedisClient() throws Exception {
        try (TestClient bob = TestClient.join(two, "bob")) {
            TestClient.join(one, "ada");
            assertThat(RedisProbe.connectedClients(redis)).isGreaterThan(2);
            long clientsWithNode1 = RedisProbe.connectedClients(redis);

            node1.stop();
            node1 = null;

            assertThat(bob.first("disconnected").data()).isEqualTo(Map.of("name", "ada", "online", 1));
            assertThat(RedisProbe.connectedClients(redis)).isLessThan(clientsWithNode1);
            assertThat(RedisProbe.keys(redis, "chat:node:*")).as("node 1 removed its heartbeat key").hasSize(1);
        }
    }

    @Test
    void aRedisThatDoesNotAnswerFailsTheStartBeforeAnyPortIsBound() {
        URI nobody = URI.create("redis://127.0.0.1:" + RedisProbe.freePort());
        assertThatThrownBy(() -> TestClient.startServer("--redis", nobody.toString())).isInstanceOf(RedisException.class);
    }

    private static List<Object> field(List<?> lines, String name) {
        return lines.stream().map(line -> (Object) ((Map<?, ?>) line).get(name)).toList();
    }
}
