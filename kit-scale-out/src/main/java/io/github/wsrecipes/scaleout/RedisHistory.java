package io.github.wsrecipes.scaleout;

import java.util.List;

import io.github.wsrecipes.support.PeerText;
import org.redisson.api.RList;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The last messages of every node, in Redis: the list {@code chat:history} of lines as JSON,
 * numbered by the one counter {@code chat:seq}. Numbering and keeping are one Lua script, so the
 * list is in {@code seq} order whichever node a message came through.
 */
final class RedisHistory implements History {

    static final String HISTORY = "chat:history";
    static final String SEQ = "chat:seq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ADD = """
            local keep = tonumber(ARGV[4])
            local line = cjson.encode({seq = redis.call('INCR', KEYS[2]), time = tonumber(ARGV[3]), name = ARGV[1], message = ARGV[2]})
            redis.call('RPUSH', KEYS[1], line)
            if keep > 0 then redis.call('LTRIM', KEYS[1], -keep, -1) else redis.call('DEL', KEYS[1]) end
            return line
            """;

    private final RScript script;
    private final RList<String> lines;
    private final int capacity;

    RedisHistory(RedissonClient redisson, int capacity) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.lines = redisson.getList(HISTORY, StringCodec.INSTANCE);
        this.capacity = capacity;
    }

    @Override
    public Line add(String name, String message) {
        String line = script.eval(Mode.READ_WRITE, ADD, ReturnType.VALUE, List.of(HISTORY, SEQ),
                name, message, String.valueOf(System.currentTimeMillis()), String.valueOf(capacity));
        return read(line);
    }

    @Override
    public List<Line> after(long seq) {
        return lines.readAll().stream().map(RedisHistory::read).filter(line -> line.seq() > seq).toList();
    }

    private static Line read(String json) {
        try {
            return JSON.readValue(json, Line.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a line in " + HISTORY + ": " + PeerText.of(json), e);
        }
    }
}
