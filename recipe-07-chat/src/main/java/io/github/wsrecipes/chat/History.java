package io.github.wsrecipes.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last messages of the chat, numbered, replayed to whoever joins late. */
final class History {

    /** One message as members see it; {@code seq} counts messages from 1, {@code time} is epoch milliseconds. */
    record Line(long seq, long time, String name, String message) {
    }

    private final int capacity;
    private final Deque<Line> lines = new ArrayDeque<>();
    private long seq;

    History(int capacity) {
        this.capacity = capacity;
    }

    /** Numbers and keeps a message; the oldest goes when the history is full. */
    synchronized Line add(String name, String message) {
        Line line = new Line(++seq, System.currentTimeMillis(), name, message);
        lines.addLast(line);
        if (lines.size() > capacity) {
            lines.removeFirst();
        }
        return line;
    }

    /** The kept messages numbered after {@code seq} (0 for all), oldest first. */
    synchronized List<Line> after(long seq) {
        return lines.stream().filter(line -> line.seq() > seq).toList();
    }
}
