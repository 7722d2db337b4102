package io.github.wsrecipes.whiteboard;

import java.net.URI;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A whiteboard server on a free port, and draw events as the listing's page sends them, for the tests. */
public final class LiveBoard implements AutoCloseable {

    public final WhiteboardServer server;

    private LiveBoard(WhiteboardServer server) {
        this.server = server;
    }

    /** Starts a server with {@code --port 0} and these options. */
    public static LiveBoard start(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = "0";
        System.arraycopy(args, 0, all, 2, args.length);
        Options options = new Options();
        if (options.parse(all).isPresent()) {
            throw new IllegalArgumentException("bad options " + String.join(" ", args));
        }
        WhiteboardServer server = new WhiteboardServer(options);
        server.start();
        return new LiveBoard(server);
    }

    public URI uri() {
        return server.uri();
    }

    /** A Jetty client that has read its {@code socketid_N}; returns it with its id in {@link Peer#session}. */
    public static Peer join(WebSocketClient client, URI uri) throws Exception {
        Peer peer = new Peer.Messages();
        Peer.connect(client, uri, peer, null, WhiteboardServer.PROTOCOL);
        String greeting = (String) peer.next();
        if (!greeting.startsWith("socketid_")) {
            throw new AssertionError("expected socketid_N first, got " + greeting);
        }
        peer.socketid = greeting.substring("socketid_".length());
        return peer;
    }

    /** A mouse event in the listing's JSON, with a seq to tell events apart. */
    public static String mouse(String type, String socketid, String colour, int width, double x, double y, long seq) {
        return "{\"type\":\"" + type + "\",\"socketid\":\"" + socketid + "\",\"strokeStyle\":\"" + colour
                + "\",\"lineWidth\":" + width + ",\"pageX\":" + x + ",\"pageY\":" + y + ",\"seq\":" + seq + "}";
    }

    public static URI ws(URI http) {
        return Peer.ws(http);
    }

    public static void send(Session session, String text) {
        session.sendText(text, Callback.NOOP);
    }

    @Override
    public void close() {
        server.stop();
    }
}
