package io.github.wsrecipes.support.socketio;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.EventLoopGroup;

/**
 * netty-socketio 2.0.14's {@code stop()} tells no socket, then shuts its two Netty event loop groups
 * down one after the other with Netty's default quiet period (2 s each): an idle server took 2–4 s to
 * stop. Here every socket hears "io server disconnect" first; then the private groups start their
 * shutdown with no quiet period (queued tasks, such as those packets, still run), and the library's
 * own {@code stop()} only waits for them. Recipe 07's {@code StopTest} tells when the library stops fast on its own.
 */
public final class QuickStop {

    private static final Logger LOG = LoggerFactory.getLogger(QuickStop.class);

    private QuickStop() {
    }

    /** Disconnects these sockets, then stops the server within about a second; safe when it never started. */
    public static void stop(SocketIOServer server, Collection<SocketIOClient> sockets) {
        LOG.info("Stopping: disconnecting {} socket(s)", sockets.size());
        sockets.forEach(SocketIOClient::disconnect);
        boolean started = false;
        for (String name : new String[] {"bossGroup", "workerGroup"}) {
            try {
                Field field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                if (field.get(server) instanceof EventLoopGroup group) {
                    started = true;
                    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                }
            } catch (ReflectiveOperationException | RuntimeException renamed) {
                started = true; // another version of the library: its own stop still works, slowly
            }
        }
        if (started) {
            server.stop();
        }
    }
}
