package io.github.wsrecipes.socketio;

import java.util.Arrays;
import java.util.Map;

import io.github.wsrecipes.support.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.BroadcastOperations;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.transport.NamespaceClient;

/**
 * {@code socket.on(…)} in both chapter namespaces: each event a socket sends is logged (through
 * {@link PeerText}) and acknowledged with what arrived, so a client sees what the server understood.
 */
final class ClientEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);

    private ClientEvents() {
    }

    static void listen(SocketIONamespace ns, boolean quiet) {
        for (String event : new String[] {"message", "my other event", "hello-message"}) {
            ns.addEventListener(event, Object.class, (socket, data, ack) -> received(ns, socket, event, quiet, ack, data));
        }
        // A plain DataListener sees only the first argument: a two-argument event needs this one.
        ns.addMultiTypeEventListener("custom-event",
                (socket, args, ack) -> received(ns, socket, "custom-event", quiet, ack, args.getArgs().toArray()), Object.class, Object.class);
        ns.addEventListener("hello-message", Object.class,
                (socket, data, ack) -> everyone(ns).sendEvent("hello-server", ConnectGate::pending, Map.of("message", "hello clients")));
        ns.addEventListener("join-room", Object.class, (socket, room, ack) -> moveTo(ns, socket, "join-room", room, ack));
        ns.addEventListener("leave-room", Object.class, (socket, room, ack) -> moveTo(ns, socket, "leave-room", room, ack));
        ns.addEventListener("bye", Object.class, (socket, data, ack) -> {
            LOG.info("{} said bye on {}: disconnecting it", socket.getSessionId(), name(ns));
            disconnect(socket);
        });
        ns.addDisconnectListener(socket -> {
            if (ConnectGate.left(socket)) {
                LOG.info("{} left {}", socket.getSessionId(), name(ns));
            }
        });
    }

    /** io.emit's audience: every socket connected to a namespace is in the room named after it (see ConnectGate). */
    static BroadcastOperations everyone(SocketIONamespace ns) {
        return ns.getRoomOperations(ns.getName());
    }

    /** The default namespace is "" inside netty-socketio; learners know it as "/". */
    static String name(SocketIONamespace ns) {
        return ns.getName().isEmpty() ? "/" : ns.getName();
    }

    private static void received(SocketIONamespace ns, SocketIOClient socket, String event, boolean quiet, AckRequest ack, Object... args) {
        if (!quiet) {
            LOG.info("{} on {}: {} {}", socket.getSessionId(), name(ns), event, PeerText.of(Arrays.toString(args)));
        }
        ack.sendAckData(args);
    }

    /** join-room / leave-room: a room is a non-blank string, not the namespace's own room (see everyone). */
    private static void moveTo(SocketIONamespace ns, SocketIOClient socket, String event, Object room, AckRequest ack) {
        if (!(room instanceof String name) || name.isBlank() || name.equals(ns.getName())) {
            LOG.info("{} sent {} without a room name on {}: ignored", socket.getSessionId(), event, name(ns));
            ack.sendAckData("error: " + event + " needs a room name");
            return;
        }
        if (event.equals("join-room")) {
            socket.joinRoom(name);
        } else {
            socket.leaveRoom(name);
        }
        LOG.info("{} {} {} on {}", socket.getSessionId(), event, PeerText.of(name), name(ns));
        ack.sendAckData(name);
    }

    /**
     * Node's {@code socket.disconnect()}: netty-socketio 2.0.14's leaves the socket in its rooms while the
     * client's other namespaces keep the connection open. The last one waits for the close (a poll carries it).
     */
    private static void disconnect(SocketIOClient socket) {
        socket.disconnect();
        NamespaceClient client = (NamespaceClient) socket;
        if (client.getBaseClient().getNamespaces().size() > 1) {
            client.onDisconnect();
        }
    }
}
