package io.github.wsrecipes.router;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one user profile behind listing 8-6's {@code /user/profile}, in memory. Every connection
 * runs on its own thread, so each method holds the lock for its whole read-modify-write: two
 * PUTs can never both build on the same old version and lose one of the writes.
 */
public final class ProfileStore {

    /**
     * One stored version of the profile. {@code version} counts every write since start-up,
     * so it never repeats. The fields are a private copy nobody changes after it is stored.
     */
    public record Profile(long version, ObjectNode fields) {
    }

    private Profile current;
    private long writes;

    public synchronized Optional<Profile> get() {
        return Optional.ofNullable(current);
    }

    /** Creates the profile, replacing any old one. */
    public synchronized Profile create(ObjectNode fields) {
        current = new Profile(++writes, fields.deepCopy());
        return current;
    }

    /** Replaces the profile's fields; empty when there is no profile to replace. */
    public synchronized Optional<Profile> replace(ObjectNode fields) {
        if (current == null) {
            return Optional.empty();
        }
        current = new Profile(++writes, fields.deepCopy());
        return Optional.of(current);
    }

    /** Deletes the profile; false when there was none. */
    public synchronized boolean delete() {
        boolean existed = current != null;
        current = null;
        return existed;
    }
}
