package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.wsrecipes.socketio.TestClient.Transports;

class DefaultNamespaceGreetingTest {

    private static SocketIoRecipe recipe;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        recipe = SocketIoRecipe.start(SocketIoOptions.parse("--port", "0", "--socketio-port", "0", "--tick", "200"));
        url = "http://localhost:" + recipe.socketIoPort();
    }

    @AfterAll
    static void stop() {
        recipe.close();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void greetingOnDefaultNamespaceArrivesAfterConnectWithItsOwnArguments(Transports transports) {
        try (TestClient client = TestClient.connect(url, "/", transports)) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
            assertThat(client.first("custom-event").args()).containsExactly("parameter1", "parameter2");
            System.out.println(client.names());
        }
    }
}
