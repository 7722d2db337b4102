package io.github.wsrecipes.scaleout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.wsrecipes.support.PeerText;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The members of every node, in Redis: the hash {@code chat:members} maps a socket to
 * {@code {name, key, node, order}} as JSON ({@code order} from the counter {@code chat:joins}).
 * A join runs as one Lua script, so two nodes never hand out the same name.
 */
final class RedisMembers implements Members {

    static final String MEMBERS = "chat:members";
    static final String JOINS = "chat:joins";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A rejoin by key takes the member's place; else the first free name of wanted, "wanted (2)", … */
    private static final String JOIN = """
            local socket, wanted, key, node, fresh = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            local all, taken = redis.call('HGETALL', KEYS[1]), {}
            for i = 1, #all, 2 do
              local member = cjson.decode(all[i + 1])
              if key ~= '' and member.key == key then
                redis.call('HDEL', KEYS[1], all[i])
                member.node, member.order = node, redis.call('INCR', KEYS[2])
                redis.call('HSET', KEYS[1], socket, cjson.encode(member))
                return {member.name, member.key, all[i]}
              end
              taken[member.name] = true
            end
            local name, n = wanted, 2
            while taken[name] do
              name, n = wanted .. ' (' .. n .. ')', n + 1
            end
            local member = {name = name, key = fresh, node = node, order = redis.call('INCR', KEYS[2])}
            redis.call('HSET', KEYS[1], socket, cjson.encode(member))
            return {name, fresh}
            """;

    /** Removes the members of every node whose heartbeat key has expired; returns them, socket then JSON. */
    private static final String SWEEP = """
            local all, gone = redis.call('HGETALL', KEYS[1]), {}
            for i = 1, #all, 2 do
              if redis.call('EXISTS', ARGV[1] .. cjson.decode(all[i + 1]).node) == 0 then
                redis.call('HDEL', KEYS[1], all[i])
                table.insert(gone, all[i])
                table.insert(gone, all[i + 1])
              end
            end
            return gone
            """;

    private final RScript script;
    private final RMap<String, String> members;
    private final String node;

    RedisMembers(RedissonClient redisson, String node) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.members = redisson.getMap(MEMBERS, StringCodec.INSTANCE);
        this.node = node;
    }

    @Override
    public Joined join(UUID socket, String wanted, String key) {
        List<String> reply = script.eval(Mode.READ_WRITE, JOIN, ReturnType.LIST, List.of(MEMBERS, JOINS),
                socket.toString(), wanted, key == null ? "" : key, node, UUID.randomUUID().toString());
        return new Joined(new Member(socket, reply.get(0), reply.get(1)),
                reply.size() > 2 ? Optional.of(UUID.fromString(reply.get(2))) : Optional.empty());
    }

    @Override
    public Optional<Member> leave(UUID socket) {
        return Optional.ofNullable(members.remove(socket.toString())).map(json -> member(socket, read(json)));
    }

    @Override
    public Optional<Member> of(UUID socket) {
        return Optional.ofNullable(members.get(socket.toString())).map(json -> member(socket, read(json)));
    }

    @Override
    public List<String> names() {
        return members.readAllValues().stream().map(RedisMembers::read)
                .sorted(Comparator.comparingLong(member -> member.get("order").asLong()))
                .map(member -> member.get("name").asText()).toList();
    }

    @Override
    public int size() {
        return members.size();
    }

    /** The members of dead nodes, removed from Redis by this call (and by no other node's). */
    List<Member> sweep() {
        List<String> reply = script.eval(Mode.READ_WRITE, SWEEP, ReturnType.LIST, List.of(MEMBERS), RedisNode.NODE);
        List<Member> gone = new ArrayList<>();
        for (int i = 0; i < reply.size(); i += 2) {
            gone.add(member(UUID.fromString(reply.get(i)), read(reply.get(i + 1))));
        }
        return gone;
    }

    private static Member member(UUID socket, JsonNode json) {
        return new Member(socket, json.get("name").asText(), json.get("key").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a member in " + MEMBERS + ": " + PeerText.of(json), e);
        }
    }
}
