package io.github.wsrecipes.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a handler answers: a status in the spirit of HTTP and a body or an error text. The
 * endpoint adds the route and action of the message it answers, so every reply says what it is
 * a reply to: {@code {"route":"/user/profile","action":"GET","status":200,"body":{…}}}.
 */
public record Reply(int status, JsonNode body, String error) {

    public static Reply ok(JsonNode body) {
        return new Reply(200, body, null);
    }

    public static Reply created(JsonNode body) {
        return new Reply(201, body, null);
    }

    public static Reply noContent() {
        return new Reply(204, null, null);
    }

    public static Reply badRequest(String problem) {
        return new Reply(400, null, problem);
    }

    public static Reply notFound(String problem) {
        return new Reply(404, null, problem);
    }

    public static Reply methodNotAllowed(String problem) {
        return new Reply(405, null, problem);
    }

    public static Reply serverError(String problem) {
        return new Reply(500, null, problem);
    }

    /** The reply as sent; {@code request} is null when the message could not even be read. */
    public String toJson(ApiRequest request) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (request != null) {
            json.put(request.routeField(), request.route());
            if (request.action() != null) {
                json.put("action", request.action());
            }
        }
        json.put("status", status);
        if (body != null) {
            json.set("body", body);
        }
        if (error != null) {
            json.put("error", error);
        }
        return json.toString();
    }
}
