package io.github.wsrecipes.socketio;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;

/**
 * Listing 8-9's {@code io.of('/users')}: one event for the new socket alone, one for everybody
 * in the namespace (the new socket included).
 */
final class UsersNamespace {

    static final String NAME = "/users";

    private static final Logger log = LoggerFactory.getLogger(UsersNamespace.class);

    private final SocketIONamespace namespace;

    UsersNamespace(SocketIONamespace namespace) {
        this.namespace = namespace;
        namespace.addConnectListener(this::onConnect);
    }

    private void onConnect(SocketIOClient client) {
        log.info("{} connected to {}", client.getSessionId(), NAME);
        client.sendEvent("user message", Map.of("that", "only", NAME, "will get"));
        // users.emit(…): every socket of this namespace; see ChapterNamespace#everyone for why a room.
        namespace.getRoomOperations(NAME).sendEvent("users message", Map.of("everyone", "in", NAME, "will get"));
    }
}
