package io.github.wsrecipes.socketio;

import java.util.Arrays;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.BroadcastOperations;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.transport.NamespaceClient;

/**
 * What the chapter's server does on {@code /} and on {@code /custom-namespace}: the same
 * behaviour, told apart only by the greeting each namespace sends.
 *
 * <p>netty-socketio keeps rooms per namespace, so {@code my-custom-room} on {@code /} and on
 * {@code /custom-namespace} are two different rooms, as in Node.
 */
final class ChapterNamespace {

    static final String ROOM = "my-custom-room";

    private static final Logger log = LoggerFactory.getLogger(ChapterNamespace.class);

    private final SocketIONamespace namespace;
    private final String greeting;

    ChapterNamespace(SocketIONamespace namespace, String greeting) {
        this.namespace = namespace;
        this.greeting = greeting;
        namespace.addConnectListener(this::onConnect);
        namespace.addDisconnectListener(client -> {
            if (ConnectGate.left(client)) {
                log.info("{} left {}", client.getSessionId(), name());
            }
        });
        namespace.addEventListener("message", Object.class, (client, data, ack) -> received(client, "message", ack, data));
        // A plain DataListener sees only the first argument: a two-argument event needs this one.
        namespace.addMultiTypeEventListener("custom-event",
                (client, args, ack) -> received(client, "custom-event", ack, args.getArgs().toArray()),
                Object.class, Object.class);
        namespace.addEventListener("my other event", Object.class, (client, data, ack) -> received(client, "my other event", ack, data));
        namespace.addEventListener("hello-message", Object.class, this::onHelloMessage);
        namespace.addEventListener("join-room", Object.class, this::onJoinRoom);
        namespace.addEventListener("leave-room", Object.class, this::onLeaveRoom);
        namespace.addEventListener("bye", Object.class, (client, data, ack) -> {
            log.info("{} said bye on {}: disconnecting it", client.getSessionId(), name());
            disconnect(client);
        });
    }

    private void onConnect(SocketIOClient client) {
        if (ConnectGate.tooEarly(client)) {
            return;
        }
        log.info("{} connected to {}", client.getSessionId(), name());
        client.sendEvent("message", greeting);                              // socket.send(…)
        client.sendEvent("custom-event", "parameter1", "parameter2");       // socket.emit(name, a, b)
        client.sendEvent("news", Map.of("hello", "world"));
        everyone().sendEvent("big_news", client, "a new socket connected: " + client.getSessionId()); // socket.broadcast.emit
        client.joinRoom(ROOM);
        namespace.getRoomOperations(ROOM).sendEvent("message", client, "Hi everyone. I just joined this group"); // socket.to(room).send
    }

    /**
     * Node's {@code socket.disconnect()}: the client hears {@code io server disconnect} and the
     * server forgets the socket at once (its rooms, the disconnect listeners). netty-socketio
     * 2.0.14's {@code disconnect()} only sends the packet and forgets the socket when the whole
     * connection closes; while the client's other namespaces keep the connection open, the socket
     * would stay in its rooms, get every broadcast and could never connect to this namespace again.
     * Its last namespace is left to the connection's close: forgetting the client here would drop a
     * polling session before its next poll carried the packet.
     */
    private static void disconnect(SocketIOClient client) {
        client.disconnect();
        NamespaceClient socket = (NamespaceClient) client;   // netty-socketio's only SocketIOClient
        if (socket.getBaseClient().getNamespaces().size() > 1) {
            socket.onDisconnect();
        }
    }

    /** The periodic pushes: to the whole namespace, then to the room. */
    void tick() {
        everyone().sendEvent("custom-event-2", "Hello Everyone. What's up!!!");
        namespace.getRoomOperations(ROOM).sendEvent("custom-event-3", "Hello to everyone in this group");
    }

    /**
     * Node's {@code io.emit} (or {@code nsp.emit}): every socket connected to this namespace.
     * Every connected socket is in the room named after its namespace; {@code
     * namespace.getBroadcastOperations()} would also reach clients whose CONNECT is still pending
     * (see {@link ConnectGate}), and the server's own operations would span every namespace.
     */
    private BroadcastOperations everyone() {
        return namespace.getRoomOperations(namespace.getName());
    }

    /** Logs an event and, when the client asked for an acknowledgement, answers with what arrived. */
    private void received(SocketIOClient client, String event, AckRequest ack, Object... args) {
        log.info("{} on {}: {} {}", client.getSessionId(), name(), event, Arrays.toString(args));
        ack.sendAckData(args);
    }

    private void onHelloMessage(SocketIOClient client, Object data, AckRequest ack) {
        received(client, "hello-message", ack, data);
        everyone().sendEvent("hello-server", Map.of("message", "hello clients"));
    }

    private void onJoinRoom(SocketIOClient client, Object room, AckRequest ack) {
        if (isRoomName(client, "join-room", room, ack)) {
            client.joinRoom((String) room);
            log.info("{} joined room {} on {}", client.getSessionId(), room, name());
            ack.sendAckData(room);
        }
    }

    private void onLeaveRoom(SocketIOClient client, Object room, AckRequest ack) {
        if (isRoomName(client, "leave-room", room, ack)) {
            client.leaveRoom((String) room);
            log.info("{} left room {} on {}", client.getSessionId(), room, name());
            ack.sendAckData(room);
        }
    }

    /**
     * A room is a non-blank string, and not the namespace's own room (leaving that one would cut
     * the socket off from {@link #everyone()}). Anything else is answered with the reason; the
     * socket stays connected.
     */
    private boolean isRoomName(SocketIOClient client, String event, Object room, AckRequest ack) {
        if (room instanceof String name && !name.isBlank() && !name.equals(namespace.getName())) {
            return true;
        }
        log.warn("{} sent {} with {} on {}: ignored, that is not a room name", client.getSessionId(), event, room, name());
        ack.sendAckData("error: " + event + " needs a room name");
        return false;
    }

    /** The default namespace is named "" inside netty-socketio; learners know it as "/". */
    private String name() {
        return namespace.getName().isEmpty() ? "/" : namespace.getName();
    }
}
