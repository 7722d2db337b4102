package io.github.wsrecipes.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.protocol.EngineIOVersion;

/**
 * Works around netty-socketio 2.0.14 running the connect listeners of {@code /} before a Socket.IO
 * v4 client has asked to connect to it: the library connects every new Engine.IO connection to
 * {@code /} at once, while socket.io-client-java 2.1.2 buffers what arrives before its own CONNECT
 * is answered and replays it with the event name shifted into the arguments ({@code message}
 * arrives as {@code ("message", "Hi, from server")}).
 *
 * <p>So a connect listener call that does not answer the client's CONNECT packet (no {@code
 * PacketListener} on the call stack) steps back: the socket leaves the namespace's own room, which
 * is how netty-socketio remembers who is connected. When the CONNECT arrives, netty-socketio answers
 * it and runs the connect listeners again, now after the answer, as in Node. Engine.IO 3 clients
 * (the browser's socket.io 2.x) get their answer first and pass straight through.
 */
final class ConnectGate {

    private static final String CONNECTED = "connect-gate:connected";
    private static final String CONNECT_PACKET_HANDLER = PacketListener.class.getName();

    private ConnectGate() {
    }

    /** True when this connect listener call came before the client asked to connect: ignore it. */
    static boolean tooEarly(SocketIOClient client) {
        if (!connectedEarly(client)) {
            return false;
        }
        if (answersConnectPacket()) {
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

    /**
     * True for a socket netty-socketio has put in the namespace's room before its CONNECT: a broadcast
     * to the namespace leaves it out (else it would arrive garbled before the connect).
     */
    static boolean pending(SocketIOClient client) {
        return connectedEarly(client) && !client.has(CONNECTED);
    }

    /** Everyone but this socket and the pending ones: {@code socket.broadcast}. */
    static java.util.function.Predicate<SocketIOClient> allBut(SocketIOClient socket) {
        return other -> other.getSessionId().equals(socket.getSessionId()) || pending(other);
    }

    /** Only {@code /} connects clients early, and only Engine.IO 4 clients mind. */
    private static boolean connectedEarly(SocketIOClient client) {
        return client.getNamespace().getName().isEmpty() && client.getEngineIOVersion() == EngineIOVersion.V4;
    }

    private static boolean answersConnectPacket() {
        return StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(frame -> frame.getClassName().equals(CONNECT_PACKET_HANDLER)));
    }
}
