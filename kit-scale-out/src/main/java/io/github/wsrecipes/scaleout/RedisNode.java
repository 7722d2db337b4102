package io.github.wsrecipes.scaleout;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.store.MemoryStore;
import com.corundumstudio.socketio.store.RedissonStoreFactory;
import com.corundumstudio.socketio.store.Store;
import com.corundumstudio.socketio.store.StoreFactory;

import io.github.wsrecipes.scaleout.Members.Member;

/**
 * Recipe 07 as one node of a chat spread over several, with {@code --redis}: one Redisson
 * client for netty-socketio's Redis store (broadcasts and rooms reach every node) and for the
 * members and history every node shares.
 *
 * <p>A node that is killed says nothing, so each node proves it is alive: its key
 * {@code chat:node:<id>} expires {@value #TTL_MS} ms after the node last refreshed it, and it
 * refreshes it every {@value #BEAT_MS} ms. Every node, as often, removes the members of nodes
 * whose key is gone, and tells the room. So a dead node's members leave within
 * {@value #TTL_MS} + {@value #BEAT_MS} ms.
 */
public final class RedisNode implements AutoCloseable {

    public static final long BEAT_MS = 1_000;
    public static final long TTL_MS = 5_000;
    public static final String NODE = "chat:node:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisNode.class);

    private final RedissonClient redisson;
    private final String id = UUID.randomUUID().toString();
    private final RedisMembers members;
    private boolean failing; // touched by the heartbeat thread only
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "redis-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private RedisNode(RedissonClient redisson) {
        this.redisson = redisson;
        this.members = new RedisMembers(redisson, id);
        heartbeat(); // alive before the first member joins under this node's id
    }

    /** Connects, or throws Redisson's {@code RedisException} saying why (e.g. nothing listens there). */
    public static RedisNode connect(URI uri) {
        Config config = new Config().setThreads(2).setNettyThreads(4); // a chat node, not a cache farm
        config.useSingleServer().setAddress(uri.toString()).setConnectTimeout(3_000).setRetryAttempts(1)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(8).setSubscriptionConnectionMinimumIdleSize(1);
        return new RedisNode(Redisson.create(config));
    }

    /** netty-socketio's Redis store; a socket's own values (its rate window, its typing state) stay on its node. */
    public StoreFactory storeFactory() {
        return new RedissonStoreFactory(redisson) {
            @Override
            public Store createStore(UUID sessionId) {
                return new MemoryStore();
            }

            @Override
            public void shutdown() {
                // close() shuts the client down, once the last disconnected has gone out
            }
        };
    }

    public Members members() {
        return members;
    }

    public History history(int capacity) {
        return new RedisHistory(redisson, capacity);
    }

    /** From now on, every {@value #BEAT_MS} ms: this node's key refreshed, the members of dead nodes removed and handed to {@code gone}. */
    public void watch(Consumer<Member> gone) {
        beat.scheduleWithFixedDelay(() -> beat(gone), BEAT_MS, BEAT_MS, TimeUnit.MILLISECONDS);
    }

    private void beat(Consumer<Member> gone) {
        try {
            heartbeat();
            members.sweep().forEach(gone);
        } catch (RuntimeException e) {
            if (!failing) { // one line when Redis goes away, one when it is back: not one per beat
                LOG.warn("Redis does not answer; this node keeps trying every {} ms: {}", BEAT_MS, e.toString());
            }
            failing = true;
            return;
        }
        if (failing) {
            LOG.info("Redis answers again");
        }
        failing = false;
    }

    private void heartbeat() {
        redisson.getBucket(NODE + id, StringCodec.INSTANCE).set("alive", Duration.ofMillis(TTL_MS));
    }

    /** Stops the heartbeat, lets the other nodes see at once that this one is gone, closes the client. */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            redisson.getBucket(NODE + id, StringCodec.INSTANCE).delete();
        } catch (RuntimeException e) {
            LOG.warn("Redis did not hear this node leave: {}", e.toString());
        }
        redisson.shutdown(0, 2, TimeUnit.SECONDS); // no quiet period: the chat has said all it had to
    }
}
