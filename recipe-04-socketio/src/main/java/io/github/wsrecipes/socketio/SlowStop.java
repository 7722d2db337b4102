package io.github.wsrecipes.socketio;

import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOServer;

import io.netty.channel.EventLoopGroup;

/**
 * netty-socketio 2.0.14's {@code stop()} shuts its two Netty event loop groups down one after the
 * other with Netty's default quiet period: at least 2 s each, 4 s in all, even with no client.
 * Shutting them down first with no quiet period makes that {@code stop()} return at once (its own
 * calls find them shutting down already); the tasks already queued, such as the last disconnect
 * packets, still run. The groups are private fields, hence the reflection.
 */
final class SlowStop {

    private SlowStop() {
    }

    static void stop(SocketIOServer server, long timeoutMillis) {
        for (String name : new String[] {"bossGroup", "workerGroup"}) {
            try {
                var field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                ((EventLoopGroup) field.get(server)).shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ReflectiveOperationException | RuntimeException renamed) {
                // a later netty-socketio without these fields: its own stop() still works, only slower
            }
        }
        server.stop();
    }
}
