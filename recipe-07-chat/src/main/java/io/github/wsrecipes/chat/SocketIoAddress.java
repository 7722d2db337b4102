package io.github.wsrecipes.chat;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers {@code /socket-io.json} with the Socket.IO server's port and path, so the page works with any {@code --socketio-port}. */
final class SocketIoAddress extends Handler.Abstract.NonBlocking {

    private final String json;

    SocketIoAddress(int port, String path) {
        this.json = "{\"port\":" + port + ",\"path\":\"" + path + "\"}";
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/socket-io.json".equals(Request.getPathInContext(request))) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, json, callback);
        return true;
    }
}
