package io.github.wsrecipes.scaleout;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is in the chat: one member per socket, each with a name no one else holds. The original's
 * {@code members} array only grew; here a member leaves with its socket. Kept in one server's
 * memory (recipe 07's {@code MemoryMembers}) or, with {@code --redis}, in Redis for every node ({@link RedisMembers}).
 *
 * <p>Each member also gets a secret key, sent only to that member. A client that lost its
 * connection sends the key when it joins again, and takes its place back (its name, no second
 * member) even if the server has not yet noticed the old socket is gone.
 */
public interface Members {

    /** A member: the socket it speaks through, its name, and the key that lets it rejoin. */
    record Member(UUID socket, String name, String key) {
    }

    /** The outcome of a join: the member, and the socket it had before when this was a rejoin. */
    record Joined(Member member, Optional<UUID> replaced) {
    }

    /** Joins a socket under {@code wanted}, or under a suffixed name ({@code ada (2)}) when taken. */
    Joined join(UUID socket, String wanted, String key);

    /** Removes the member speaking through this socket, if any. */
    Optional<Member> leave(UUID socket);

    Optional<Member> of(UUID socket);

    /** The members' names, in the order they joined. */
    List<String> names();

    int size();
}
