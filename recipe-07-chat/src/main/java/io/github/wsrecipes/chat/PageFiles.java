package io.github.wsrecipes.chat;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** What the page server serves: the page, the WebJars, and {@code /socket-io.json} saying where the Socket.IO server listens. */
final class PageFiles {

    private PageFiles() {
    }

    static Handler of(Server server, int socketIoPort, String path) {
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        // The recipe's own folder (recipes may share one JVM), then every WebJar's files.
        files.setBaseResource(ResourceFactory.combine(
                resources.newClassLoaderResource("webroot/recipe-07-chat/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        return new Handler.Sequence(new SocketIoAddress("{\"port\":" + socketIoPort + ",\"path\":\"" + path + "\"}"), files);
    }

    /** The page asks where to connect, so it works with any {@code --socketio-port}. */
    private static final class SocketIoAddress extends Handler.Abstract.NonBlocking {
        private final String json;

        SocketIoAddress(String json) {
            this.json = json;
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
}
