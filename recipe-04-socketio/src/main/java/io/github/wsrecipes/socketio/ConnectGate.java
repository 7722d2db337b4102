package io.github.wsrecipes.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.protocol.EngineIOVersion;

/**
 * Makes a namespace's connect listeners run when the client is really connected to it.
 *
 * <p>netty-socketio 2.0.14 connects every client to the default namespace {@code /} the moment
 * its Engine.IO transport opens. A Socket.IO v3/v4 client (Engine.IO 4, like
 * socket.io-client-java 2.x) is not connected to {@code /} until it has sent its own CONNECT
 * packet and received the answer; it buffers whatever arrives before that, and
 * socket.io-client-java 2.1.2 replays the buffer with the event name shifted into the arguments
 * ({@code message} arrives as {@code ("message", "Hi, from server")}). A greeting sent from that
 * early connect listener is therefore garbled.
 *
 * <p>So on that early call we step back: the client leaves the namespace's own room, which is how
 * netty-socketio remembers who is connected. When the CONNECT packet arrives, netty-socketio
 * answers it and, finding the client not connected, runs the connect listeners again — now after
 * the answer, as in Node. A client that only wanted {@code /custom-namespace} never sends that
 * CONNECT, so it is never greeted on {@code /}, which is also what Node does. Engine.IO 3 clients
 * (the browser's socket.io 2.x) get the CONNECT answer first and pass straight through.
 *
 * <p>Two limits, both of netty-socketio's making. Over polling the early call comes from the
 * handshake's GET and the CONNECT from a separate POST: the design assumes the server finishes the
 * first before the client's answer to it arrives, which a loaded machine could in principle
 * break. And a client that leaves {@code /} and connects to it again over the same polling
 * connection may be connected early again by its next poll, or not: it is greeted only when the
 * early call comes first. Over WebSocket from the start neither applies; after an upgrade to
 * WebSocket, the second no longer does.
 */
final class ConnectGate {

    private static final String WAITING = "connect-gate:waiting-for-connect";

    private ConnectGate() {
    }

    /** True when this connect listener call came before the client asked to connect: ignore it. */
    static boolean tooEarly(SocketIOClient client) {
        if (!connectedEarly(client)) {
            return false;
        }
        if (client.has(WAITING)) {      // second call: the client's CONNECT has just been answered
            client.del(WAITING);
            return false;
        }
        client.set(WAITING, Boolean.TRUE);
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
        boolean wasConnected = !client.has(WAITING);
        // The client may connect to / again over the same connection (its other namespaces keep it
        // open). Over WebSocket netty-socketio will not connect it early again, so its next connect
        // call is the client's own CONNECT: let that one through.
        if (client.getTransport() == Transport.WEBSOCKET) {
            client.set(WAITING, Boolean.TRUE);
        }
        return wasConnected;
    }

    /** Only {@code /} connects clients early, and only Engine.IO 4 clients mind. */
    private static boolean connectedEarly(SocketIOClient client) {
        return client.getNamespace().getName().isEmpty() && client.getEngineIOVersion() == EngineIOVersion.V4;
    }
}
