package io.github.wsrecipes.chat;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.EventLoopGroup;

/**
 * netty-socketio 2.0.14's {@code stop()} shuts its two Netty event loop groups down one after the
 * other with Netty's default quiet period (2 s each), so an idle server took 2–4 s to stop. The
 * groups are private: we start their shutdown ourselves with no quiet period, and the library's
 * own {@code stop()} then only waits for them to end. {@code QuickStopTest} tells when the library
 * stops fast on its own.
 */
final class QuickStop {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

    private QuickStop() {
    }

    /** Disconnects every socket (each hears {@code io server disconnect}), then stops the server quickly. */
    static void stop(SocketIOServer server) {
        LOG.info("Stopping: disconnecting {} socket(s)", server.getAllClients().size());
        server.getAllClients().forEach(SocketIOClient::disconnect);
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
