package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.wsrecipes.socketio.TestClient.Event;
import io.github.wsrecipes.socketio.TestClient.Transports;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;

/** The chapter's server behaviour, seen by socket.io-client-java. One server for the class; its ticks are out of the way (TickTest has them). */
class SocketIoServerTest {

    private static final String JOINED = "Hi everyone. I just joined this group";
    private static final List<String> GREETINGS = List.of("message", "custom-event", "news");

    private static SocketIoRecipe recipe;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe("--port", "0", "--socketio-port", "0", "--tick", "600000");
        url = Started.socketIoServer(recipe);
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void defaultNamespaceGreetsAfterConnectWithEachEventsOwnArguments(Transports transports) {
        try (TestClient client = TestClient.connect(url, "/", transports)) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
            assertThat(client.first("custom-event").args()).containsExactly("parameter1", "parameter2");
            assertThat(client.first("news").plainArgs()).containsExactly(Map.of("hello", "world"));
            // socket.io-client-java 2.1.2 garbles events that arrive before its connect (see ConnectGate).
            // A tick may slip in between the greetings, never before the connect.
            assertThat(client.names()).startsWith(Socket.EVENT_CONNECT);
            assertThat(client.names()).filteredOn(GREETINGS::contains).startsWith("message", "custom-event", "news");
        }
    }

    @Test
    void aSocketThatConnectsToTheDefaultNamespaceAgainOverItsOpenConnectionIsGreetedAgain() throws Exception {
        try (TwoNamespaces connection = TwoNamespaces.connect()) {
            assertThat(connection.nextOnRoot()).containsExactly("Hi, from server");

            connection.root().disconnect();
            assertThat(connection.nextOnRoot()).containsExactly("io client disconnect");
            connection.root().connect();

            assertThat(connection.nextOnRoot()).containsExactly("Hi, from server");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void customNamespaceGreetsWithItsOwnMessage(Transports transports) {
        try (TestClient client = TestClient.connect(url, "/custom-namespace", transports)) {
            assertThat(client.first("message").args()).containsExactly("Hi, from custom-namespace");
            assertThat(client.first("custom-event").args()).containsExactly("parameter1", "parameter2");
            assertThat(client.first("news").plainArgs()).containsExactly(Map.of("hello", "world"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void serverReceivesMessageAndBothCustomEventArgumentsOnEachNamespace(Transports transports) throws Exception {
        for (String namespace : List.of("/", "/custom-namespace")) {
            try (TestClient client = TestClient.connect(url, namespace, transports)) {
                assertThat(client.emitWithAck("message", "Hi, from client")).containsExactly("Hi, from client");
                assertThat(client.emitWithAck("custom-event", "parameter1", "parameter2")).containsExactly("parameter1", "parameter2");
                assertThat(client.emitWithAck("my other event", Map.of("my", "data"))).containsExactly(Map.of("my", "data"));
            }
        }
    }

    @Test
    void helloMessageIsAnsweredWithHelloServerToEveryClientOfTheNamespace() throws Exception {
        try (TestClient sender = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY);
             TestClient other = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY)) {
            sender.emit("hello-message", "hello from a test");

            assertThat(sender.first("hello-server").plainArgs()).containsExactly(Map.of("message", "hello clients"));
            assertThat(other.first("hello-server").plainArgs()).containsExactly(Map.of("message", "hello clients"));
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void bigNewsReachesTheOthersButNotTheNewSocket(Transports transports) throws Exception {
        try (TestClient first = TestClient.connect(url, "/", transports)) {
            first.roundTrip();
            int before = first.mark();

            try (TestClient newcomer = TestClient.connect(url, "/", transports)) {
                assertThat(first.firstAfter(before, "big_news").args()).singleElement().asString().contains(newcomer.id());
                newcomer.roundTrip();
                assertThat(newcomer.names()).doesNotContain("big_news");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void twoClientsOfferingTheSameSessionCookieEachGetTheirOwnSession(Transports transports) {
        // The `io` cookie netty-socketio sets over polling is shared by every port of the host.
        Map<String, List<String>> sameCookie = Map.of("Cookie", List.of("io=11111111-2222-3333-4444-555555555555"));
        try (TestClient first = TestClient.open(url, "/", transports, options -> options.extraHeaders = sameCookie);
             TestClient second = TestClient.open(url, "/", transports, options -> options.extraHeaders = sameCookie)) {
            // Connected, not greeted: over polling the greeting races the upgrade, which this test is not about.
            first.first(Socket.EVENT_CONNECT);
            second.first(Socket.EVENT_CONNECT);
            assertThat(first.id()).isNotNull();
            assertThat(second.id()).isNotEqualTo(first.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void joiningTheRoomIsAnnouncedToTheRestOfTheRoomOnly(Transports transports) throws Exception {
        try (TestClient member = TestClient.connect(url, "/", transports)) {
            member.roundTrip();
            int before = member.mark();

            try (TestClient newcomer = TestClient.connect(url, "/", transports)) {
                assertThat(member.firstAfter(before, "message").args()).containsExactly(JOINED);
                newcomer.roundTrip();
                assertThat(messages(newcomer)).doesNotContain(JOINED);
            }
        }
    }

    @Test
    void sameNamedRoomsInTwoNamespacesAreSeparate() throws Exception {
        try (TestClient customMember = TestClient.connect(url, "/custom-namespace", Transports.WEBSOCKET_ONLY)) {
            customMember.roundTrip();

            try (TestClient defaultNewcomer = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY)) {
                defaultNewcomer.roundTrip();   // its join announcement has been sent by now
                customMember.roundTrip();      // and would have reached this client by now

                assertThat(messages(customMember)).doesNotContain(JOINED);
            }
        }
    }

    @Test
    void aRoomEventWithoutARoomNameIsAnsweredWithTheReasonAndTheSocketStays() throws Exception {
        try (TestClient client = TestClient.connect(url, "/custom-namespace", Transports.WEBSOCKET_ONLY)) {
            assertThat(client.emitWithAck("join-room")).containsExactly("error: join-room needs a room name");
            assertThat(client.emitWithAck("join-room", new JSONObject(Map.of("room", "x"))))
                    .containsExactly("error: join-room needs a room name");
            assertThat(client.emitWithAck("leave-room", "")).containsExactly("error: leave-room needs a room name");
            assertThat(client.emitWithAck("leave-room", "/custom-namespace")).containsExactly("error: leave-room needs a room name");

            assertThat(client.emitWithAck("message", "still here")).containsExactly("still here");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void byeMakesTheServerDisconnectTheSocket(Transports transports) {
        try (TestClient client = TestClient.connect(url, "/", transports)) {
            client.emit("bye");

            assertThat(client.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
        }
    }

    @Test
    void afterByeTheServerHasForgottenTheSocketSoItCanConnectAgainOverItsOpenConnection() throws Exception {
        try (TwoNamespaces connection = TwoNamespaces.connect()) {
            assertThat(connection.nextOnRoot()).containsExactly("Hi, from server");

            connection.root().emit("bye");
            assertThat(connection.nextOnRoot()).containsExactly("io server disconnect");
            connection.root().connect();

            assertThat(connection.nextOnRoot()).containsExactly("Hi, from server");
        }
    }

    @Test
    void usersNamespaceTellsTheNewSocketAloneAndTheWholeNamespaceTogether() {
        try (TestClient first = TestClient.connect(url, "/users", Transports.WEBSOCKET_ONLY)) {
            assertThat(first.first("user message").plainArgs()).containsExactly(Map.of("that", "only", "/users", "will get"));
            assertThat(first.first("users message").plainArgs()).containsExactly(Map.of("everyone", "in", "/users", "will get"));
            int before = first.mark();

            try (TestClient second = TestClient.connect(url, "/users", Transports.WEBSOCKET_ONLY)) {
                assertThat(second.first("user message")).isNotNull();
                // The server sends "user message" before "users message": had it gone to everyone,
                // it would be here before the second "users message".
                Event usersMessage = first.firstAfter(before, "users message");
                assertThat(first.names().subList(before, usersMessage.index())).doesNotContain("user message");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aForeignOriginIsRefusedWithAConnectError(Transports transports) {
        try (TestClient client = TestClient.open(url, "/", transports,
                options -> options.extraHeaders = Map.of("Origin", List.of("http://evil.example:8084")))) {
            Object error = client.first(Socket.EVENT_CONNECT_ERROR).args().get(0);
            StringBuilder causes = new StringBuilder();
            for (Throwable t = (Throwable) error; t != null; t = t.getCause()) {
                causes.append(t).append(" <- ");
            }
            assertThat(causes.toString()).as("the refusal, HTTP 403 Forbidden").contains("403");
            assertThat(client.names()).doesNotContain(Socket.EVENT_CONNECT);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void thePageServersOwnOriginIsAccepted(Transports transports) {
        String pageOrigin = "http://localhost:" + recipe.uri().getPort();
        try (TestClient client = TestClient.open(url, "/", transports,
                options -> options.extraHeaders = Map.of("Origin", List.of(pageOrigin)))) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
        }
    }

    @Test
    void whatASocketSendsIsLoggedOnOneLineOfAtMost200Characters() throws Exception {
        ch.qos.logback.classic.Logger events = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ClientEvents.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        events.addAppender(lines);
        try (TestClient client = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY)) {
            client.emitWithAck("message", "hi\n15:00:00.000 ERROR SocketIoRecipe - FORGED" + "x".repeat(5_000));
        } finally {
            events.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filteredOn(line -> line.contains("FORGED")).singleElement().asString()
                .doesNotContain("\n15:00").contains("hi\\n15:00").hasSizeLessThan(400);
    }

    /**
     * {@code /} and {@code /custom-namespace} over one WebSocket connection, as the chapter's page
     * has them: {@code /} can leave and come back while the other namespace keeps the connection open.
     */
    private record TwoNamespaces(Socket root, Socket custom, BlockingQueue<List<Object>> heardOnRoot) implements AutoCloseable {

        static TwoNamespaces connect() {
            IO.Options options = IO.Options.builder().setReconnection(false).setTransports(Transports.WEBSOCKET_ONLY.names).build();
            Manager connection = new Manager(URI.create(url), options);
            TwoNamespaces two = new TwoNamespaces(connection.socket("/", options), connection.socket("/custom-namespace", options),
                    new LinkedBlockingQueue<>());
            two.root.on("message", args -> two.heardOnRoot.add(List.of(args)));
            two.root.on(Socket.EVENT_DISCONNECT, args -> two.heardOnRoot.add(List.of(args)));
            two.custom.connect();
            two.root.connect();
            return two;
        }

        /** The next greeting or disconnect reason on {@code /}. */
        List<Object> nextOnRoot() throws InterruptedException {
            return heardOnRoot.poll(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            root.disconnect();
            custom.disconnect();
        }
    }

    private static List<Object> messages(TestClient client) {
        return client.events().stream().filter(event -> event.name().equals("message")).flatMap(event -> event.args().stream()).toList();
    }
}
