package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.socket.client.Socket;

/** Ctrl+C: every socket of every namespace is told the server is leaving before it goes. */
class CleanStopTest {

    @Test
    void stoppingDisconnectsEverySocketOfEveryNamespaceFirst() throws Exception {
        SocketIoRecipe recipe = Started.recipe("--port", "0", "--socketio-port", "0");
        String url = Started.socketIoServer(recipe);
        try (TestClient root = TestClient.connect(url, "/", Transports.WEBSOCKET_ONLY);
             TestClient custom = TestClient.connect(url, "/custom-namespace", Transports.POLLING_THEN_UPGRADE)) {
            root.roundTrip();
            custom.roundTrip();

            recipe.stop();

            assertThat(root.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
            assertThat(custom.first(Socket.EVENT_DISCONNECT).args()).containsExactly("io server disconnect");
        }
    }
}
