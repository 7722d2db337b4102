package io.github.wsrecipes.router;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.wsrecipes.router.RouteTable.BadRequest;
import io.github.wsrecipes.router.RouteTable.Reply;
import io.github.wsrecipes.router.RouteTable.Request;

/**
 * Listing 8-6's {@code /user/profile}: one profile in memory, with HTTP's meaning for each verb.
 * Each verb holds the lock for its whole read-modify-write, and {@code version} counts every write.
 */
final class ProfileStore {

    private ObjectNode profile; // a private copy, never changed once stored
    private long version;

    synchronized Reply get(Request request) {
        return profile == null ? Reply.error(404, "no profile yet: PUT or POST one first") : Reply.ok(stored());
    }

    /** Creates the profile: 201, or 409 when there is one already (PUT replaces it). */
    synchronized Reply post(Request request) {
        return profile != null ? Reply.error(409, "a profile exists: PUT replaces it") : store(request, 201);
    }

    /** Creates or replaces the profile: 201 when there was none, 200 when one was replaced. */
    synchronized Reply put(Request request) {
        return store(request, profile == null ? 201 : 200);
    }

    synchronized Reply delete(Request request) {
        Reply reply = profile == null ? get(request) : new Reply(204, null, null);
        profile = null;
        return reply;
    }

    private Reply store(Request request, int status) {
        if (request.body() == null || !request.body().isObject()) {
            throw new BadRequest("\"body\" must be a JSON object with the profile's fields, got " + RouteTable.describe(request.body()));
        }
        profile = ((ObjectNode) request.body()).deepCopy();
        version++;
        return new Reply(status, stored(), null);
    }

    private ObjectNode stored() {
        return JsonNodeFactory.instance.objectNode().put("version", version).set("profile", profile);
    }
}
