package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.socket.client.Socket;

/** The chat's events, with three Java clients over real sockets (a fresh server per test, so names start free). */
class ChatTest {

    private ChatServer server;
    private URI socketIo;

    @BeforeEach
    void start() throws Exception {
        server = TestClient.startServer("--history", "5");
        socketIo = server.socketIoUri();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aJoiningMemberGetsTheMemberListAndTheOthersHearJoined() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            assertThat(bob.first("members").data()).containsEntry("members", List.of("ada", "bob"))
                    .containsEntry("online", 2).containsEntry("you", "bob");
            assertThat(ada.first("joined").data()).isEqualTo(Map.of("name", "bob", "online", 2));
            bob.roundTrip();
            assertThat(bob.all("joined")).as("bob is not told of his own join").isEmpty();
        }
    }

    @Test
    void anEmptyNameBecomesAnon() {
        try (TestClient blank = TestClient.join(socketIo, "   ")) {
            assertThat(blank.first("members").data()).containsEntry("you", "anon");
        }
    }

    @Test
    void aMessageReachesTheOthersUnderTheNameTheServerHoldsAndNotTheSender() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob");
                TestClient cy = TestClient.join(socketIo, "cy")) {
            Map<String, Object> ack = ada.emitWithAck("message", Map.of("name", "bob", "message", "hello"));

            for (TestClient other : List.of(bob, cy)) {
                assertThat(other.first("message").data()).containsEntry("name", "ada").containsEntry("message", "hello")
                        .containsEntry("seq", ack.get("seq"));
            }
            ada.roundTrip();
            assertThat(ada.all("message")).as("the sender shows its own line; the server does not echo it").isEmpty();
        }
    }

    @Test
    void duplicateNamesGetASuffix() {
        try (TestClient first = TestClient.join(socketIo, "ada"); TestClient second = TestClient.join(socketIo, "ada");
                TestClient third = TestClient.join(socketIo, "ada")) {
            assertThat(third.first("members").data()).containsEntry("members", List.of("ada", "ada (2)", "ada (3)"))
                    .containsEntry("you", "ada (3)");
            assertThat(first.first("joined").data()).containsEntry("name", "ada (2)");
        }
    }

    @Test
    void aMemberWhoLeavesIsAnnouncedAndRemovedFromTheList() {
        try (TestClient ada = TestClient.join(socketIo, "ada")) {
            TestClient bob = TestClient.join(socketIo, "bob");
            bob.close();

            assertThat(ada.first("disconnected").data()).isEqualTo(Map.of("name", "bob", "online", 1));
            try (TestClient cy = TestClient.join(socketIo, "bob")) {
                assertThat(cy.first("members").data()).containsEntry("members", List.of("ada", "bob")).containsEntry("you", "bob");
            }
        }
    }

    @Test
    void typingAndStopTypingReachTheOthersOnceEachWhateverTheFlood() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            for (int i = 0; i < 5; i++) {
                ada.emit("typing", null);
            }
            ada.emitWithAck("stop typing", Map.of());
            ada.emitWithAck("stop typing", Map.of());

            assertThat(bob.first("stop typing").data()).isEqualTo(Map.of("name", "ada"));
            bob.roundTrip();
            assertThat(bob.events().stream().map(TestClient.Event::name).filter(n -> n.contains("typing")))
                    .containsExactly("typing", "stop typing");
            assertThat(ada.all("typing")).isEmpty();
        }
    }

    @Test
    void aLateJoinerGetsTheKeptHistoryOldestFirst() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada")) {
            for (int i = 1; i <= 7; i++) {
                ada.say("line " + i);
            }
            try (TestClient late = TestClient.join(socketIo, "late")) {
                List<?> history = (List<?>) late.first("history").args().get(0);
                List<String> messages = history.stream().map(line -> String.valueOf(((Map<?, ?>) line).get("message"))).toList();
                List<String> names = history.stream().map(line -> String.valueOf(((Map<?, ?>) line).get("name"))).toList();
                assertThat(messages).containsExactly("line 3", "line 4", "line 5", "line 6", "line 7");
                assertThat(names).containsOnly("ada");
            }
        }
    }

    @Test
    void aReconnectWithTheKeyKeepsOneMemberAndTheOthersHearNothing() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            String key = (String) ada.first("members").data().get("key");
            ada.say("before");

            try (TestClient again = TestClient.connect(socketIo)) {
                again.emit("joined", Map.of("name", "ada", "key", key, "after", 0));

                assertThat(again.first("members").data()).containsEntry("members", List.of("bob", "ada"))
                        .containsEntry("you", "ada").containsEntry("online", 2);
                assertThat(ada.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
                again.say("after");
                assertThat(bob.firstAfter(0, "message").data()).containsEntry("message", "before");
                bob.roundTrip();
                assertThat(bob.all("joined")).isEmpty();
                assertThat(bob.all("disconnected")).isEmpty();
                assertThat(bob.all("message")).extracting(e -> e.data().get("name")).containsExactly("ada", "ada");
            }
        }
    }

    @Test
    void aNameOver32CharactersIsRefusedAndTheConnectionStays() {
        try (TestClient client = TestClient.connect(socketIo)) {
            client.emit("joined", Map.of("name", "x".repeat(33)));
            assertThat(client.first("error").data()).containsEntry("rule", "name");

            client.emit("joined", Map.of("name", "x".repeat(32)));
            assertThat(client.first("members").data()).containsEntry("you", "x".repeat(32));
        }
    }

    @Test
    void aMessageOver2000CharactersIsRefusedAndNotRelayed() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            assertThat(ada.say("y".repeat(2001))).containsEntry("error", "message");
            assertThat(ada.first("error").data().get("message").toString()).contains("2000");
            assertThat(ada.say("y".repeat(2000))).containsKey("seq");

            assertThat(bob.first("message").data().get("message")).isEqualTo("y".repeat(2000));
            bob.roundTrip();
            assertThat(bob.all("message")).hasSize(1);
        }
    }

    @Test
    void the21stMessageIn10SecondsIsRefusedAndTheConnectionStays() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            long start = System.nanoTime();
            for (int i = 1; i <= 20; i++) {
                assertThat(ada.say("m" + i)).containsKey("seq");
            }
            assertThat(ada.say("m21")).containsEntry("error", "rate");
            assertThat(System.nanoTime() - start).as("all sent within the window").isLessThan(10_000_000_000L);

            assertThat(ada.first("error").data()).containsEntry("rule", "rate");
            assertThat(ada.socket().connected()).isTrue();
            bob.roundTrip();
            assertThat(bob.all("message")).hasSize(20);
        }
    }

    @Test
    void aMessageBeforeJoiningIsRefused() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient stranger = TestClient.connect(socketIo)) {
            assertThat(stranger.say("psst")).containsEntry("error", "joined");
            ada.roundTrip();
            assertThat(ada.all("message")).isEmpty();
        }
    }

    @Test
    void anUnknownEventIsIgnoredAndTheConnectionStays() throws Exception {
        try (TestClient ada = TestClient.join(socketIo, "ada"); TestClient bob = TestClient.join(socketIo, "bob")) {
            ada.emit("nonsense", Map.of("x", 1));
            ada.say("still here");
            assertThat(bob.first("message").data()).containsEntry("message", "still here");
        }
    }

    @Test
    void pollingClientsChatWithWebSocketClients() throws Exception {
        try (TestClient ada = TestClient.connect(socketIo, true); TestClient bob = TestClient.join(socketIo, "bob")) {
            ada.emit("joined", Map.of("name", "ada"));
            ada.first("members");
            ada.say("over polling");
            assertThat(bob.first("message").data()).containsEntry("message", "over polling");
        }
    }
}
