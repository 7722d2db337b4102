package io.github.wsrecipes.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.wsrecipes.scaleout.History;

/** The last messages of one server, in its memory: the chat without {@code --redis}. */
final class MemoryHistory implements History {

    private final int capacity;
    private final Deque<Line> lines = new ArrayDeque<>();
    private long seq;

    MemoryHistory(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized Line add(String name, String message) {
        Line line = new Line(++seq, System.currentTimeMillis(), name, message);
        lines.addLast(line);
        if (lines.size() > capacity) {
            lines.removeFirst();
        }
        return line;
    }

    @Override
    public synchronized List<Line> after(long seq) {
        return lines.stream().filter(line -> line.seq() > seq).toList();
    }
}
