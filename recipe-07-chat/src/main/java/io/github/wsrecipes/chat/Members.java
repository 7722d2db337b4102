package io.github.wsrecipes.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is in the chat: one member per socket, each with a name no one else holds. The original's
 * {@code members} array only grew; here a member leaves with its socket.
 *
 * <p>Each member also gets a secret key, sent only to that member. A client that lost its
 * connection sends the key when it joins again, and takes its place back (its name, no second
 * member) even if the server has not yet noticed the old socket is gone.
 */
final class Members {

    /** A member: the socket it speaks through, its name, and the key that lets it rejoin. */
    record Member(UUID socket, String name, String key) {
    }

    /** The outcome of a join: the member, and the socket it had before when this was a rejoin. */
    record Joined(Member member, Optional<UUID> replaced) {
    }

    private final Map<UUID, Member> bySocket = new LinkedHashMap<>();
    private final Map<String, Member> byKey = new HashMap<>();

    /** Joins a socket under {@code wanted}, or under a suffixed name ({@code ada (2)}) when taken. */
    synchronized Joined join(UUID socket, String wanted, String key) {
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

    /** Removes the member speaking through this socket, if any. */
    synchronized Optional<Member> leave(UUID socket) {
        Member gone = bySocket.remove(socket);
        if (gone != null) {
            byKey.remove(gone.key());
        }
        return Optional.ofNullable(gone);
    }

    synchronized Optional<Member> of(UUID socket) {
        return Optional.ofNullable(bySocket.get(socket));
    }

    /** The members' names, in the order they joined. */
    synchronized List<String> names() {
        return bySocket.values().stream().map(Member::name).toList();
    }

    synchronized int size() {
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
