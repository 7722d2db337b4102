package io.github.wsrecipes.socketio;

import java.util.List;
import java.util.function.Predicate;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.protocol.EngineIOVersion;

/**
 * netty-socketio 2.0.14's connects and stop, made Node's. The library connects every new Engine.IO
 * connection to {@code /} before a v4 client asks, and socket.io-client-java 2.1.2 replays what
 * arrives before its CONNECT is answered with the event name shifted into the arguments. So a
 * connect listener call that does not answer a CONNECT packet (no {@code PacketListener} on the
 * stack) steps back: the socket leaves the namespace's own room, netty-socketio's list of who is
 * connected, and the listeners run again after the answer. Engine.IO 3 clients pass straight through.
 */
final class ConnectGate {

    private static final String CONNECTED = "connect-gate:connected";

    private ConnectGate() {
    }

    /** True when this connect listener call came before the client asked to connect: ignore it. */
    static boolean tooEarly(SocketIOClient client) {
        if (!connectedEarly(client)) {
            return false;
        }
        if (StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().equals(PacketListener.class.getName())))) {
            client.set(CONNECTED, Boolean.TRUE);
            return false;
        }
        client.leaveRoom(client.getNamespace().getName());
        return true;
    }

    /** False when a socket leaves {@code /} that never connected to it (it came for another namespace). */
    static boolean left(SocketIOClient client) {
        if (!connectedEarly(client)) {
            return true;
        }
        boolean wasConnected = client.has(CONNECTED);
        client.del(CONNECTED);
        return wasConnected;
    }

    /** In the namespace's room before its CONNECT: a broadcast leaves it out (else it arrives garbled). */
    static boolean pending(SocketIOClient client) {
        return connectedEarly(client) && !client.has(CONNECTED);
    }

    /** Everyone but this socket and the pending ones: {@code socket.broadcast}. */
    static Predicate<SocketIOClient> allBut(SocketIOClient socket) {
        return other -> other.getSessionId().equals(socket.getSessionId()) || pending(other);
    }

    private static boolean connectedEarly(SocketIOClient client) {
        return client.getNamespace().getName().isEmpty() && client.getEngineIOVersion() == EngineIOVersion.V4;
    }

    /** Every socket connected to a namespace, over all of them. */
    static List<SocketIOClient> sockets(SocketIOServer io) {
        return io.getAllNamespaces().stream().flatMap(ns -> ClientEvents.everyone(ns).getClients().stream()).toList();
    }
}
