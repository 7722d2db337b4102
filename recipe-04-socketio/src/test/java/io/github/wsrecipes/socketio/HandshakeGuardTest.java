package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.socket.client.Socket;

/** {@code --token} (the chapter's io.use middleware) and {@code --path /websocket} (its custom path). */
class HandshakeGuardTest {

    private static SocketIoRecipe recipe;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe(
                "--port", "0", "--socketio-port", "0", "--path", "/websocket", "--token", "s3cret");
        url = Started.socketIoServer(recipe);
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void theRightTokenOnTheChaptersWebsocketPathConnects(Transports transports) {
        try (TestClient client = TestClient.open(url, "/", transports, options -> {
            options.path = "/websocket";
            options.query = "token=s3cret";
        })) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aHandshakeWithoutTheTokenGetsAConnectErrorSayingUnauthorized(Transports transports) {
        try (TestClient client = TestClient.open(url, "/", transports, options -> options.path = "/websocket")) {
            assertThat(causes(client.first(Socket.EVENT_CONNECT_ERROR).args().get(0))).contains("401");
            assertThat(client.names()).doesNotContain(Socket.EVENT_CONNECT);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aWrongTokenGetsAConnectErrorSayingUnauthorized(Transports transports) {
        try (TestClient client = TestClient.open(url, "/custom-namespace", transports, options -> {
            options.path = "/websocket";
            options.query = "token=guess";
        })) {
            assertThat(causes(client.first(Socket.EVENT_CONNECT_ERROR).args().get(0))).contains("401");
            assertThat(client.names()).doesNotContain(Socket.EVENT_CONNECT);
        }
    }

    @Test
    void theDefaultPathIsNotServedWhenThePathIsChanged() {
        try (TestClient client = TestClient.open(url, "/", Transports.WEBSOCKET_ONLY, options -> options.query = "token=s3cret")) {
            assertThat(client.first(Socket.EVENT_CONNECT_ERROR)).isNotNull();
            assertThat(client.names()).doesNotContain(Socket.EVENT_CONNECT);
        }
    }

    @Test
    void handshakesPastMaxSessionsAreRefused() throws Exception {
        SocketIoRecipe small = Started.recipe("--port", "0", "--socketio-port", "0", "--max-sessions", "2");
        String server = Started.socketIoServer(small);
        try (TestClient one = TestClient.connect(server, "/", Transports.WEBSOCKET_ONLY);
             TestClient two = TestClient.connect(server, "/", Transports.WEBSOCKET_ONLY);
             TestClient three = TestClient.open(server, "/", Transports.WEBSOCKET_ONLY, options -> { })) {
            assertThat(causes(three.first(Socket.EVENT_CONNECT_ERROR).args().get(0))).contains("401");
            assertThat(two.emitWithAck("message", "still here")).containsExactly("still here");
        } finally {
            small.stop();
        }
    }

    /** The error and its causes, as one string: the HTTP status sits in a cause. */
    private static String causes(Object error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = (Throwable) error; t != null; t = t.getCause()) {
            text.append(t).append(" <- ");
        }
        return text.toString();
    }
}
