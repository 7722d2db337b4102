package io.github.wsrecipes.support;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** The kit's one way to serve a recipe's page: files from the classpath, no directory listing. */
public final class StaticFiles {

    private StaticFiles() {
    }

    /** {@code webroot/<recipe>/} (its own folder: recipes may share one JVM), then every WebJar's files, such as Pico CSS. */
    public static ResourceHandler of(Server server, String recipe) {
        ResourceFactory resources = ResourceFactory.of(server);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.combine(resources.newClassLoaderResource("webroot/" + recipe + "/"),
                resources.newClassLoaderResource("META-INF/resources/")));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        return files;
    }

    /** The same files, and {@code /socket-io.json} telling the page where the Socket.IO server listens, so any port works. */
    public static Handler withSocketIoAddress(Server server, String recipe, int socketIoPort, String path) {
        String address = "{\"port\":" + socketIoPort + ",\"path\":\"" + path + "\"}"; // each recipe's Options checks the path
        Handler socketIoJson = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"/socket-io.json".equals(Request.getPathInContext(request))) {
                    return false;
                }
                response.getHeaders().put("Content-Type", "application/json");
                Content.Sink.write(response, true, address, callback);
                return true;
            }
        };
        return new Handler.Sequence(socketIoJson, of(server, recipe));
    }
}
