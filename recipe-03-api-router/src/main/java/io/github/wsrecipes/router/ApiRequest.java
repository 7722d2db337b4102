package io.github.wsrecipes.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One message of the JSON API. Listing 8-5 names a message by its {@code path}
 * ({@code {"path":"route_a"}}); listing 8-6 by its {@code route} and {@code action}, REST style
 * ({@code {"route":"/user/profile","action":"PUT","body":{…}}}). Both spellings work; the reply
 * uses the one the message used.
 *
 * @param routeField {@code "path"} or {@code "route"}: the field that named the route
 * @param route      the route's name, e.g. {@code route_a} or {@code /user/profile}
 * @param action     e.g. {@code update} or {@code GET}; null when the message has none
 * @param body       the message's {@code body}; null when it has none
 */
public record ApiRequest(String routeField, String route, String action, JsonNode body) {

    // The Node original's JSON.parse throws on trailing garbage and we do the same; a repeated
    // key is refused rather than silently keeping the last one.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads one text message, or throws {@link BadRequest} saying what is wrong with it. */
    public static ApiRequest parse(String text) {
        JsonNode message = readJson(text);
        if (!message.isObject()) {
            throw new BadRequest("expected a JSON object, got " + describe(message));
        }
        if (message.has("path") == message.has("route")) {
            throw new BadRequest(message.has("path")
                    ? "give \"path\" or \"route\", not both"
                    : "missing \"path\" (or \"route\"): which route is this message for?");
        }
        String routeField = message.has("path") ? "path" : "route";
        String route = string(message, routeField);
        if (route.isBlank()) {
            throw new BadRequest("\"" + routeField + "\" must not be empty");
        }
        String action = message.has("action") ? string(message, "action") : null;
        return new ApiRequest(routeField, route, action, message.get("body"));
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return json == null ? JSON.missingNode() : json;
        } catch (JsonProcessingException e) {
            // Jackson's own words, without its note on where an unclosed object started.
            String problem = e.getOriginalMessage().replaceFirst(" \\(start marker at .*", "");
            String where = e.getLocation() == null ? "" : " (at character " + (e.getLocation().getCharOffset() + 1) + ")";
            throw new BadRequest("malformed JSON: " + problem + where);
        }
    }

    private static String string(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (!value.isTextual()) {
            throw new BadRequest("\"" + field + "\" must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** "an array", "a number", …: how a 400 reply names what it got instead. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing";
            case BINARY, POJO -> "a non-JSON value";
        };
    }
}
