package io.github.wsrecipes.support;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
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
}
