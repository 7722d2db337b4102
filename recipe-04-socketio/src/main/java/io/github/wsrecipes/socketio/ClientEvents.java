package io.github.wsrecipes.socketio;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.BroadcastOperations;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.transport.NamespaceClient;

/**
 * What the server does with each event a socket of a chapter namespace sends: {@code socket.on(…)}.
 * Every event is logged (through {@link PeerText}) and acknowledged with what arrived, so a client
 * sees what the server understood.
 */
final class ClientEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);

    private final SocketIONamespace ns;
    private final String name;
    private final boolean quiet;
    private final Supplier<BroadcastOperations> everyone;

    ClientEvents(SocketIONamespace ns, String name, boolean quiet, Supplier<BroadcastOperations> everyone) {
        this.ns = ns;
        this.name = name;
        this.quiet = quiet;
        this.everyone = everyone;
    }

    void listen() {
        ns.addEventListener("message", Object.class, (socket, data, ack) -> received(socket, "message", ack, data));
        // A plain DataListener sees only the first argument: a two-argument event needs this one.
        ns.addMultiTypeEventListener("custom-event",
                (socket, args, ack) -> received(socket, "custom-event", ack, args.getArgs().toArray()), Object.class, Object.class);
        ns.addEventListener("my other event", Object.class, (socket, data, ack) -> received(socket, "my other event", ack, data));
        ns.addEventListener("hello-message", Object.class, (socket, data, ack) -> {
            received(socket, "hello-message", ack, data);
            everyone.get().sendEvent("hello-server", Map.of("message", "hello clients"));
        });
        ns.addEventListener("join-room", Object.class, (socket, room, ack) -> {
            if (isRoomName(socket, "join-room", room, ack)) {
                socket.joinRoom((String) room);
                LOG.info("{} joined room {} on {}", socket.getSessionId(), PeerText.of((String) room), name);
                ack.sendAckData(room);
            }
        });
        ns.addEventListener("leave-room", Object.class, (socket, room, ack) -> {
            if (isRoomName(socket, "leave-room", room, ack)) {
                socket.leaveRoom((String) room);
                LOG.info("{} left room {} on {}", socket.getSessionId(), PeerText.of((String) room), name);
                ack.sendAckData(room);
            }
        });
        ns.addEventListener("bye", Object.class, (socket, data, ack) -> {
            LOG.info("{} said bye on {}: disconnecting it", socket.getSessionId(), name);
            disconnect(socket);
        });
        ns.addDisconnectListener(socket -> {
            if (ConnectGate.left(socket)) {
                LOG.info("{} left {}", socket.getSessionId(), name);
            }
        });
    }

    private void received(SocketIOClient socket, String event, AckRequest ack, Object... args) {
        if (!quiet) {
            LOG.info("{} on {}: {} {}", socket.getSessionId(), name, event, PeerText.of(Arrays.toString(args)));
        }
        ack.sendAckData(args);
    }

    /** A room is a non-blank string, not the namespace's own room (leaving it would cut the socket off from io.emit). */
    private boolean isRoomName(SocketIOClient socket, String event, Object room, AckRequest ack) {
        if (room instanceof String text && !text.isBlank() && !text.equals(ns.getName())) {
            return true;
        }
        LOG.info("{} sent {} without a room name on {}: ignored", socket.getSessionId(), event, name);
        ack.sendAckData("error: " + event + " needs a room name");
        return false;
    }

    /**
     * Node's {@code socket.disconnect()}. netty-socketio 2.0.14's only sends the packet and forgets the
     * socket when the whole connection closes; while the client's other namespaces keep it open, the
     * socket would stay in its rooms. So it is forgotten here, unless this is its last namespace: a
     * polling session must live until its next poll carries the packet.
     */
    private static void disconnect(SocketIOClient socket) {
        socket.disconnect();
        NamespaceClient client = (NamespaceClient) socket;
        if (client.getBaseClient().getNamespaces().size() > 1) {
            client.onDisconnect();
        }
    }
}
