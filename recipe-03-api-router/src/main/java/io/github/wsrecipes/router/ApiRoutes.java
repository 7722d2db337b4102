package io.github.wsrecipes.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the JSON API — the place to add one. Listing 8-5 logged "something cool on
 * route a"; here each route answers, because over a socket a reply is how a client knows its
 * message arrived and what became of it.
 */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final String PROFILE = "/user/profile";

    private final ProfileStore profiles;

    private ApiRoutes(ProfileStore profiles) {
        this.profiles = profiles;
    }

    public static RouteTable table(ProfileStore profiles) {
        ApiRoutes api = new ApiRoutes(profiles);
        return new RouteTable()
                .on("route_a", request -> Reply.ok(message("something cool on route a")))
                .on("route_b", "update", ApiRoutes::routeB)
                .on(PROFILE, "GET", api::getProfile)
                .on(PROFILE, "POST", api::createProfile)
                .on(PROFILE, "PUT", api::replaceProfile)
                .on(PROFILE, "DELETE", api::deleteProfile)
                .otherwise(ApiRoutes::unknown);
    }

    private static Reply routeB(ApiRequest request) {
        return Reply.ok(message("something cool on route b").set("received", request.body()));
    }

    /** Listing 8-5's {@code default:} logged the whole message; we log it and say 404. */
    private static Reply unknown(ApiRequest request) {
        LOG.info("No route '{}'; the default handler answers 404", request.route());
        return Reply.notFound("no route '" + request.route() + "'");
    }

    private Reply getProfile(ApiRequest request) {
        return profiles.get()
                .map(profile -> Reply.ok(json(profile)))
                .orElseGet(ApiRoutes::noProfile);
    }

    private Reply createProfile(ApiRequest request) {
        return Reply.created(json(profiles.create(fieldsOf(request))));
    }

    private Reply replaceProfile(ApiRequest request) {
        return profiles.replace(fieldsOf(request))
                .map(profile -> Reply.ok(json(profile)))
                .orElseGet(ApiRoutes::noProfile);
    }

    private Reply deleteProfile(ApiRequest request) {
        return profiles.delete() ? Reply.noContent() : noProfile();
    }

    private static Reply noProfile() {
        return Reply.notFound("no profile yet: POST one first");
    }

    private static ObjectNode fieldsOf(ApiRequest request) {
        JsonNode body = request.body();
        if (body == null || !body.isObject()) {
            throw new BadRequest("\"body\" must be a JSON object with the profile's fields, got "
                    + (body == null ? "nothing" : ApiRequest.describe(body)));
        }
        return (ObjectNode) body;
    }

    private static ObjectNode json(ProfileStore.Profile profile) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("version", profile.version());
        json.set("profile", profile.fields());
        return json;
    }

    private static ObjectNode message(String text) {
        return JsonNodeFactory.instance.objectNode().put("message", text);
    }
}
