package io.github.wsrecipes.scaleout;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.wsrecipes.support.PeerText;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recipe 08 with {@code --redis}: one board shared by every node. A checked event goes through one Lua
 * script that numbers it, keeps it in the capped history and publishes {@code "SEQ SENDER EVENT"},
 * all in one step; each node's subscription hands it to its own peers. So every node sees the
 * same events in the same order, and a late joiner's history ends exactly where its live events begin.
 */
public final class Relay implements AutoCloseable {

    static final String EVENTS = "whiteboard:events";   // the pub/sub channel
    static final String HISTORY = "whiteboard:history"; // a list of events, the oldest first
    static final String SEQ = "whiteboard:seq";         // the number of the last event
    static final String IDS = "whiteboard:ids";         // the last socketid given, on any node
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private static final String PUBLISH = """
            local seq = redis.call('INCR', KEYS[2])
            if ARGV[4] == 'clear' then
              redis.call('DEL', KEYS[1])
            elseif tonumber(ARGV[3]) > 0 then
              redis.call('RPUSH', KEYS[1], ARGV[2])
              redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
            end
            return redis.call('PUBLISH', '%s', seq .. ' ' .. ARGV[1] .. ' ' .. ARGV[2])
            """.formatted(EVENTS);
    private static final String JOIN = """
            local answer = {tostring(redis.call('INCR', KEYS[1])), redis.call('GET', KEYS[2]) or '0'}
            if tonumber(ARGV[1]) > 0 then
              for _, event in ipairs(redis.call('LRANGE', KEYS[3], -tonumber(ARGV[1]), -1)) do table.insert(answer, event) end
            end
            return answer
            """;

    /** What a new peer is told: its socketid, the number of the last event, what was drawn up to it. */
    public record Replay(long id, long seq, List<ByteBuffer> history) {
    }

    /** Where the events of every node go: the board of this node. */
    public interface Delivery {
        void deliver(long seq, long sender, ByteBuffer event);
    }

    private final RedissonClient redisson;
    private final RScript scripts;

    /** Connects now, so a Redis that does not answer fails the start. */
    public Relay(URI uri) {
        Config config = new Config().setThreads(2).setNettyThreads(4); // a whiteboard needs few; the defaults are 16 and 32
        config.useSingleServer().setAddress(uri.toString()).setConnectionMinimumIdleSize(1);
        redisson = Redisson.create(config);
        scripts = redisson.getScript(ByteArrayCodec.INSTANCE);
    }

    /** Every node's events, in Redis's order (Redisson keeps a channel's messages in order), to this node's board. */
    public void subscribe(Delivery board) {
        redisson.getTopic(EVENTS, ByteArrayCodec.INSTANCE).addListener(byte[].class, (channel, message) -> {
            String[] head = new String(message, 0, Math.min(message.length, 48), StandardCharsets.US_ASCII).split(" ", 3);
            try {
                int start = head[0].length() + head[1].length() + 2;
                // The event's bytes as Redis sent them: one buffer for every peer of this node.
                board.deliver(Long.parseLong(head[0]), Long.parseLong(head[1]), ByteBuffer.wrap(message, start, message.length - start));
            } catch (RuntimeException notOurs) {
                LOG.warn("Ignored a message on {} that is not SEQ SENDER EVENT: {}", EVENTS, PeerText.of(String.join(" ", head)));
            }
        });
    }

    /** A new peer's socketid, the number of the last event, and the history up to that event, read in one step. */
    public Replay join(int maxHistory) {
        List<byte[]> answer = scripts.eval(RScript.Mode.READ_WRITE, JOIN, RScript.ReturnType.LIST,
                List.of(IDS, SEQ, HISTORY), ascii(maxHistory));
        return new Replay(Long.parseLong(new String(answer.get(0), StandardCharsets.US_ASCII)),
                Long.parseLong(new String(answer.get(1), StandardCharsets.US_ASCII)),
                answer.subList(2, answer.size()).stream().map(ByteBuffer::wrap).toList());
    }

    /** Hands one checked event to Redis; completes once Redis has taken it (or failed to). */
    public CompletionStage<Object> publish(long sender, byte[] utf8, boolean clear, int maxHistory) {
        return scripts.evalAsync(RScript.Mode.READ_WRITE, PUBLISH, RScript.ReturnType.LONG,
                List.of(HISTORY, SEQ), ascii(sender), utf8, ascii(maxHistory), ascii(clear ? "clear" : "draw"));
    }

    private static byte[] ascii(Object value) {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS); // no quiet period: the server has already stopped
    }
}
