package io.github.wsrecipes.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.protocol.EngineIOVersion;

/**
 * Makes the connect listeners of {@code /} run when the client has really connected to it.
 *
 * <p>netty-socketio 2.0.14 connects every client to the default namespace {@code /} on its own,
 * as soon as a polling request or a WebSocket of the client's Engine.IO connection arrives. A
 * Socket.IO v3/v4 client (Engine.IO 4, like socket.io-client-java 2.x) is not connected to
 * {@code /} until it has sent its own CONNECT packet and received the answer; it buffers whatever
 * arrives before that, and socket.io-client-java 2.1.2 replays the buffer with the event name
 * shifted into the arguments ({@code message} arrives as {@code ("message", "Hi, from server")}).
 * A greeting sent from that early call is therefore garbled, and a client that only wanted
 * {@code /custom-namespace} would be greeted on {@code /} too.
 *
 * <p>So a call that does not answer the client's CONNECT packet steps back: the client leaves
 * the namespace's own room, which is how netty-socketio remembers who is connected. When the
 * CONNECT arrives, netty-socketio answers it and, finding the client not connected, runs the
 * connect listeners again — now after the answer, as in Node. Which call answers a CONNECT
 * packet, netty-socketio does not say; its {@code PacketListener} on the call stack does. That
 * holds whatever the timing: the early calls may come twice and at the same moment as the
 * CONNECT (a polling request and the WebSocket upgrade race each other on a busy machine).
 * Engine.IO 3 clients (the browser's socket.io 2.x) get the CONNECT answer first and pass
 * straight through.
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

    /**
     * Called when a client leaves a namespace: false for a client that never connected to {@code /}
     * (it came for another namespace only), true otherwise.
     */
    static boolean left(SocketIOClient client) {
        if (!connectedEarly(client)) {
            return true;
        }
        boolean wasConnected = client.has(CONNECTED);
        client.del(CONNECTED);
        return wasConnected;
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
