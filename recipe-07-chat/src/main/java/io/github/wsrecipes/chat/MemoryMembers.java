package io.github.wsrecipes.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The members of one server, in its memory: the chat without {@code --redis}. */
final class MemoryMembers implements Members {

    private final Map<UUID, Member> bySocket = new LinkedHashMap<>();
    private final Map<String, Member> byKey = new HashMap<>();

    @Override
    public synchronized Joined join(UUID socket, String wanted, String key) {
        Member before = key == null ? null : byKey.get(key);
        if (before != null) {
            Member back = new Member(socket, before.name(), before.key());
            bySocket.remove(before.socket());
            put(back);
            return new Joined(back, Optional.of(before.socket()));
        }
        Member member = new Member(socket, freeName(wanted), UUID.randomUUID().toString());
        put(member);
        return new Joined(member, Optional.empty());
    }

    @Override
    public synchronized Optional<Member> leave(UUID socket) {
        Member gone = bySocket.remove(socket);
        if (gone != null) {
            byKey.remove(gone.key());
        }
        return Optional.ofNullable(gone);
    }

    @Override
    public synchronized Optional<Member> of(UUID socket) {
        return Optional.ofNullable(bySocket.get(socket));
    }

    @Override
    public synchronized List<String> names() {
        return bySocket.values().stream().map(Member::name).toList();
    }

    @Override
    public synchronized int size() {
        return bySocket.size();
    }

    private void put(Member member) {
        bySocket.put(member.socket(), member);
        byKey.put(member.key(), member);
    }

    private String freeName(String wanted) {
        List<String> taken = names();
        String name = wanted;
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + " (" + n + ")";
        }
        return name;
    }
}
