package io.github.wsrecipes.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.wsrecipes.scaleout.Members;

/** The members of one server, in its memory, in the order they joined: the chat without {@code --redis}. */
final class MemoryMembers implements Members {

    private final Map<UUID, Member> bySocket = new LinkedHashMap<>();

    @Override
    public synchronized Joined join(UUID socket, String wanted, String key) {
        Optional<Member> before = bySocket.values().stream().filter(member -> member.key().equals(key)).findFirst();
        if (before.isPresent()) { // a rejoin: the member's name and key, on its new socket
            bySocket.remove(before.get().socket());
            Member back = new Member(socket, before.get().name(), before.get().key());
            bySocket.put(socket, back);
            return new Joined(back, Optional.of(before.get().socket()));
        }
        List<String> taken = names();
        String name = wanted;
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + " (" + n + ")";
        }
        Member member = new Member(socket, name, UUID.randomUUID().toString());
        bySocket.put(socket, member);
        return new Joined(member, Optional.empty());
    }

    @Override
    public synchronized Optional<Member> leave(UUID socket) {
        return Optional.ofNullable(bySocket.remove(socket));
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
}
