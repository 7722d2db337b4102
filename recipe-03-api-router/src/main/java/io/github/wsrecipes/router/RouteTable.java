package io.github.wsrecipes.router;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.wsrecipes.support.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing 8-5's {@code switch (rt.path)} as a table: one line per route, and per action for listing
 * 8-6's REST verbs. A message names its route by {@code path} ({@code {"path":"route_a"}}) or by
 * {@code route} ({@code {"route":"/user/profile","action":"PUT","body":{…}}}); its one reply names it the same way.
 */
public final class RouteTable {

    /** One message: the field that named its route, the route, its action and body (or null). */
    public record Request(String field, String route, String action, JsonNode body) { }

    /** A status in the spirit of HTTP, with a body or an error. */
    public record Reply(int status, JsonNode body, String error) {
        public static Reply ok(JsonNode body) {
            return new Reply(200, body, null);
        }

        public static Reply error(int status, String problem) {
            return new Reply(status, null, problem);
        }

        /** {@code {"message": text}}, what listing 8-5's routes print. */
        public static ObjectNode message(String text) {
            return JSON.createObjectNode().put("message", text);
        }
    }

    /** A message the API cannot act on; its text becomes a 400 reply's error. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final int MAX_CHARS = 16 * 1024;
    private static final int MAX_DEPTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    // As JSON.parse: trailing garbage is an error; a repeated key too. Size and depth are bounded,
    // so that nothing a client stores is costly to parse or to send to the others.
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxDocumentLength(MAX_CHARS).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, Map<String, Function<Request, Reply>>> routes = new LinkedHashMap<>();

    /** A route for one action ({@code "*"}: any, or none); a handler may throw {@link BadRequest} for a 400. */
    public RouteTable on(String route, String action, Function<Request, Reply> handler) {
        routes.computeIfAbsent(route, name -> new LinkedHashMap<>()).put(action, handler);
        return this;
    }

    /** One text message in, one JSON reply out, whatever the message holds. */
    String answer(String text) {
        Request request = null;
        Reply reply;
        try {
            request = parse(text);
            Map<String, Function<Request, Reply>> actions = routes.getOrDefault(request.route(), Collections.emptyMap());
            Function<Request, Reply> handler = actions.getOrDefault(request.action(), actions.get("*"));
            String asked = request.action() == null ? "a message without an action" : "action '" + request.action() + "'";
            reply = handler != null ? handler.apply(request)
                    : actions.isEmpty() ? Reply.error(404, "no route '" + request.route() + "'") // the switch's default:
                    : Reply.error(405, "route '" + request.route() + "' does not take " + asked + "; it takes " + String.join(", ", actions.keySet()));
        } catch (BadRequest problem) {
            reply = Reply.error(400, problem.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("Failed to answer {}", PeerText.of(text), bug);
            reply = Reply.error(500, "the server failed on this message; its log says why");
        }
        ObjectNode json = JSON.createObjectNode();
        if (request != null) {
            json.put(request.field(), request.route()).put("action", request.action());
        }
        json.put("status", reply.status()).put("error", reply.error()).set("body", reply.body());
        json.properties().removeIf(field -> field.getValue().isNull()); // say only what there is
        return json.toString();
    }

    private static Request parse(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) { // Jackson's own words, without where an unclosed object started
            throw new BadRequest(text.length() > MAX_CHARS || e.getOriginalMessage().contains("exceeds the maximum")
                    ? "too large or too deep: the API takes " + MAX_CHARS + " characters of JSON, nested " + MAX_DEPTH + " deep at most"
                    : "malformed JSON: " + PeerText.of(e.getOriginalMessage().replaceFirst(" \\(start marker at .*", ""))
                            + (e.getLocation() == null ? "" : " (at character " + (e.getLocation().getCharOffset() + 1) + ")"));
        }
        if (!message.isObject()) {
            throw new BadRequest("expected a JSON object, got " + describe(message));
        }
        if (message.has("path") == message.has("route")) {
            throw new BadRequest(message.has("path") ? "give \"path\" or \"route\", not both" : "missing \"path\" (or \"route\"): which route is this message for?");
        }
        String field = message.has("path") ? "path" : "route";
        JsonNode name = message.get(field);
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw new BadRequest("\"" + field + "\" must name a route, got " + (name.isTextual() ? "an empty string" : describe(name)));
        }
        if (message.has("action") && !message.get("action").isTextual()) {
            throw new BadRequest("\"action\" must be a string, got " + describe(message.get("action")));
        }
        return new Request(field, name.textValue(), message.path("action").textValue(), message.get("body"));
    }

    /** "an array", "a number", …: how a 400 reply names what it got instead. */
    static String describe(JsonNode value) {
        String type = value == null || value.isMissingNode() ? "nothing" : value.getNodeType().name().toLowerCase(Locale.ROOT);
        return type.equals("nothing") || type.equals("null") ? type : (type.matches("[aeiou].*") ? "an " : "a ") + type;
    }
}
