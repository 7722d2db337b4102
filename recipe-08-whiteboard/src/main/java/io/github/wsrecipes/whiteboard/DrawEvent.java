package io.github.wsrecipes.whiteboard;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The listing's draw event, checked before it is relayed: the original trusted every field, so
 * one page could send any colour string, a width of a million or a megabyte to everyone.
 *
 * <pre>{"type":"mousemove","socketid":"3","strokeStyle":"#e53935","lineWidth":4,"pageX":120,"pageY":80}</pre>
 *
 * Touch events carry {@code targetTouches:[{pageX,pageY}]} instead; {@code {"type":"clear"}} clears
 * every board; {@code seq} (an integer) and {@code t} (at most 32 characters) pass through unchanged.
 */
final class DrawEvent {

    static final int MAX_BYTES = 1024;
    static final String CLEAR = "clear";
    private static final Set<String> TYPES = Set.of("mousedown", "mousemove", "mouseup", "touchstart", "touchmove", "touchend", CLEAR);
    private static final Set<String> FIELDS = Set.of("type", "socketid", "strokeStyle", "lineWidth", "pageX", "pageY", "targetTouches", "seq", "t");
    // #rgb to #rrggbbaa, a colour name, or rgb()/hsl() with numbers only: nothing a page could misread.
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}|(rgb|rgba|hsl|hsla)\\([0-9.,%/ ]{1,40}\\)");
    // Limits while parsing, so a deep or huge document costs nothing before it is refused.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(MAX_BYTES).maxNumberLength(32).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DrawEvent() {
    }

    /** Why a message is not a draw event, in words fit for its sender; it costs no stack trace. */
    static final class Invalid extends Exception {
        Invalid(String why) {
            super(why, null, false, false);
        }
    }

    /** Checks one message (its UTF-8 bytes) and returns its type, or says why it is refused. */
    static String check(byte[] utf8) throws Invalid {
        if (utf8.length > MAX_BYTES) {
            throw new Invalid("a draw event is at most " + MAX_BYTES + " bytes, this one is " + utf8.length);
        }
        JsonNode event;
        try {
            event = JSON.readTree(utf8);
        } catch (JsonProcessingException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new Invalid("a draw event is a JSON object");
        }
        for (var names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            require(FIELDS.contains(name), "unknown field " + name);
        }
        String type = event.path("type").asText("");
        require(event.path("type").isTextual() && TYPES.contains(type), "type must be one of " + TYPES);
        JsonNode socketid = event.get("socketid");
        require(socketid == null || socketid.isIntegralNumber() || socketid.isTextual() && socketid.asText().length() <= 32,
                "socketid must be a number or a string of at most 32 characters");
        JsonNode seq = event.get("seq");
        require(seq == null || seq.isIntegralNumber() && seq.canConvertToLong(), "seq must be an integer");
        JsonNode t = event.get("t");
        require(t == null || t.isTextual() && t.asText().length() <= 32, "t must be a string of at most 32 characters");
        if (type.equals(CLEAR)) {
            return type;
        }
        JsonNode colour = event.path("strokeStyle");
        require(colour.isTextual() && COLOUR.matcher(colour.asText()).matches(), "strokeStyle must be a CSS colour such as #e53935");
        JsonNode width = event.path("lineWidth");
        double lineWidth = width.isNumber() ? width.asDouble() : width.isTextual() && width.asText().matches("\\d{1,3}") ? width.asDouble() : Double.NaN;
        require(lineWidth >= 1 && lineWidth <= 100, "lineWidth must be a number from 1 to 100");
        boolean lifts = type.endsWith("up") || type.endsWith("end"); // a lifted pen may carry no point
        if (type.startsWith("touch")) {
            JsonNode touches = event.path("targetTouches");
            require(touches.isArray() && touches.size() <= 10 && (lifts || !touches.isEmpty()), "targetTouches must list the touch points");
            for (JsonNode touch : touches) {
                requirePoint(touch);
            }
        } else if (!lifts || event.has("pageX") || event.has("pageY")) {
            requirePoint(event);
        }
        return type;
    }

    /** The answer to a refused event, for its sender only: {"type":"error","error":"…"}. */
    static String error(String why) {
        return JSON.createObjectNode().put("type", "error").put("error", why).toString();
    }

    private static void requirePoint(JsonNode point) throws Invalid {
        require(finite(point.path("pageX")) && finite(point.path("pageY")), "pageX and pageY must be finite numbers");
    }

    private static boolean finite(JsonNode number) {
        return number.isNumber() && Double.isFinite(number.asDouble());
    }

    private static void require(boolean valid, String why) throws Invalid {
        if (!valid) {
            throw new Invalid(why);
        }
    }
}
