package io.github.wsrecipes.scaleout;

import java.util.List;

/**
 * The last messages of the chat, numbered, replayed to whoever joins late. Kept in one server's
 * memory (recipe 07's {@code MemoryHistory}) or, with {@code --redis}, in Redis for every node ({@link RedisHistory}).
 */
public interface History {

    /** One message as members see it; {@code seq} counts messages from 1, {@code time} is epoch milliseconds. */
    record Line(long seq, long time, String name, String message) {
    }

    /** Numbers and keeps a message; the oldest goes when the history is full. */
    Line add(String name, String message);

    /** The kept messages numbered after {@code seq} (0 for all), oldest first. */
    List<Line> after(long seq);
}
