package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.wsrecipes.socketio.TestClient.Event;
import io.github.wsrecipes.socketio.TestClient.Transports;

/** The chapter's two setIntervals, every 200 ms: two events to each namespace, two to its room. */
class TickTest {

    private static SocketIoRecipe recipe;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe("--port", "0", "--socketio-port", "0", "--tick", "200");
        url = Started.socketIoServer(recipe);
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void everyTickPushesToEachNamespaceAndToItsRoom(Transports transports) {
        for (String namespace : List.of("/", "/custom-namespace")) {
            try (TestClient client = TestClient.connect(url, namespace, transports)) {
                // As in Node: two events per push, a bare custom event and a `message` (send = emit('message', …)).
                assertThat(client.first("custom-event-2").args()).isEmpty();
                assertThat(client.first("custom-event-3").args()).isEmpty();
                assertThat(messages(client)).contains("Hello Everyone. What's up!!!", "Hello to everyone in this group");
            }
        }
    }

    @Test
    void leavingTheRoomStopsItsTicksAndJoiningAgainBringsThemBack() throws Exception {
        try (TestClient client = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY)) {
            assertThat(client.emitWithAck("leave-room", SocketIoRecipe.ROOM)).containsExactly(SocketIoRecipe.ROOM);
            int left = client.mark();
            Event firstTick = client.firstAfter(left, "custom-event-2");
            client.firstAfter(firstTick.index() + 1, "custom-event-2");

            assertThat(client.names().subList(left, client.mark())).doesNotContain("custom-event-3");
            assertThat(client.events().subList(left, client.mark())).extracting(Event::args)
                    .doesNotContain(List.of("Hello to everyone in this group"));

            assertThat(client.emitWithAck("join-room", SocketIoRecipe.ROOM)).containsExactly(SocketIoRecipe.ROOM);
            int joined = client.mark();
            assertThat(client.firstAfter(joined, "custom-event-3").args()).isEmpty();
            assertThat(client.events().subList(joined, client.mark())).extracting(Event::args).contains(List.of("Hello to everyone in this group"));
        }
    }

    private static List<Object> messages(TestClient client) {
        return client.events().stream().filter(event -> event.name().equals("message")).flatMap(event -> event.args().stream()).toList();
    }
}
