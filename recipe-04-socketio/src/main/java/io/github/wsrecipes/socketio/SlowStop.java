package io.github.wsrecipes.socketio;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.EventLoopGroup;

/**
 * netty-socketio 2.0.14's {@code stop()} says nothing to the sockets, and shuts its two Netty event
 * loop groups down one after the other with Netty's default 2 s quiet period: 4 s even with no client.
 * Here every socket is disconnected first, then the groups are shut down with no quiet period (the
 * tasks already queued, such as those disconnect packets, still run), so the library's own calls
 * find them done. The groups are private fields, hence the reflection.
 */
final class SlowStop {

    private static final Logger LOG = LoggerFactory.getLogger(SlowStop.class);

    private SlowStop() {
    }

    static void stop(SocketIOServer io, long timeoutMillis) {
        List<SocketIOClient> sockets = sockets(io);
        LOG.info("Stopping: disconnecting {} socket(s)", sockets.size());
        sockets.forEach(SocketIOClient::disconnect);
        for (String name : new String[] {"bossGroup", "workerGroup"}) {
            try {
                var field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                ((EventLoopGroup) field.get(io)).shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ReflectiveOperationException | RuntimeException renamed) {
                // a netty-socketio without these fields: its own stop() still works, only slower
            }
        }
        io.stop();
    }

    /** Every socket connected to a namespace, over all of them. */
    static List<SocketIOClient> sockets(SocketIOServer io) {
        return io.getAllNamespaces().stream().flatMap(ns -> ClientEvents.everyone(ns).getClients().stream()).toList();
    }
}
