package io.github.wsrecipes.support;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The kit's Jetty threads: two. No handler in the kit blocks, so one selector thread (which also
 * accepts) and one thread for what it hands off keep both cores busy; more threads only take
 * turns, and cost CPU and memory to switch (kit-bench/README.md, "Threads").
 */
public final class ServerThreads {

    /** The connector's threads: no acceptor of its own (the selector accepts) and one selector. */
    public static final int ACCEPTORS = 0;
    public static final int SELECTORS = 1;

    private ServerThreads() {
    }

    /** A server on a pool of two threads, with none held in reserve. */
    public static Server server(String name) {
        QueuedThreadPool pool = new QueuedThreadPool(ACCEPTORS + SELECTORS + 1, 1);
        pool.setReservedThreads(0);
        pool.setName(name);
        return new Server(pool);
    }

    /** A connector on those threads. */
    public static ServerConnector connector(Server server) {
        return new ServerConnector(server, ACCEPTORS, SELECTORS);
    }
}
