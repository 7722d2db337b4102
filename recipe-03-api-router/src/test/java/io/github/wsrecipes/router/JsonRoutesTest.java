package io.github.wsrecipes.router;

import static io.github.wsrecipes.router.Peer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.wsrecipes.router.RouteTable.Reply;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the route table, over a real socket: each message gets exactly one reply. */
class JsonRoutesTest {

    private static final String ROUTE_A_REPLY = """
            {"path":"route_a","status":200,"body":{"message":"something cool on route a"}}""";

    @RegisterExtension
    final LiveRouter router = new LiveRouter();
    private Peer api;

    @BeforeEach
    void connect() throws Exception {
        api = router.open("echo-protocol");
    }

    @Test
    void routeAAnswersWithItsMessage() {
        assertThat(api.ask("{\"path\":\"route_a\"}")).isEqualTo(json(ROUTE_A_REPLY));
    }

    @Test
    void routeBTakesTheUpdateActionAndSaysWhatItReceived() {
        assertThat(api.ask("{\"path\":\"route_b\",\"action\":\"update\",\"body\":{\"colour\":\"teal\"}}"))
                .isEqualTo(json("""
                        {"path":"route_b","action":"update","status":200,
                         "body":{"message":"something cool on route b","received":{"colour":"teal"}}}"""));
    }

    @Test
    void routeBWithAnotherActionIs405NamingTheActionsItTakes() {
        assertThat(api.ask("{\"path\":\"route_b\",\"action\":\"delete\"}")).isEqualTo(json("""
                {"path":"route_b","action":"delete","status":405,
                 "error":"route 'route_b' does not take action 'delete'; it takes update"}"""));
    }

    @Test
    void routeBWithoutAnActionIs405() {
        assertThat(api.ask("{\"path\":\"route_b\"}").get("status").asInt()).isEqualTo(405);
    }

    @Test
    void unknownPathGoesToTheDefaultHandlerWhichAnswers404() {
        assertThat(api.ask("{\"path\":\"route_c\"}"))
                .isEqualTo(json("{\"path\":\"route_c\",\"status\":404,\"error\":\"no route 'route_c'\"}"));
    }

    @Test
    void unknownRestRouteIs404() {
        assertThat(api.ask("{\"route\":\"/user/settings\",\"action\":\"GET\"}")).isEqualTo(json("""
                {"route":"/user/settings","action":"GET","status":404,"error":"no route '/user/settings'"}"""));
    }

    @Test
    void profileLivesThroughPostGetPutDelete() {
        assertThat(api.ask(profile("POST", "{\"name\":\"Ada\"}"))).isEqualTo(json("""
                {"route":"/user/profile","action":"POST","status":201,"body":{"version":1,"profile":{"name":"Ada"}}}"""));
        assertThat(api.ask(profile("GET", null))).isEqualTo(json("""
                {"route":"/user/profile","action":"GET","status":200,"body":{"version":1,"profile":{"name":"Ada"}}}"""));
        assertThat(api.ask(profile("PUT", "{\"name\":\"Grace\"}"))).isEqualTo(json("""
                {"route":"/user/profile","action":"PUT","status":200,"body":{"version":2,"profile":{"name":"Grace"}}}"""));
        assertThat(api.ask(profile("DELETE", null)))
                .isEqualTo(json("{\"route\":\"/user/profile\",\"action\":\"DELETE\",\"status\":204}"));
        assertThat(api.ask(profile("GET", null)).get("status").asInt()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} without a profile is 404")
    @CsvSource({"GET", "DELETE"})
    void profileReadOrDeleteBeforeAnyWriteIs404(String action) {
        assertThat(api.ask(profile(action, null))).isEqualTo(json("""
                {"route":"/user/profile","action":"%s","status":404,"error":"no profile yet: PUT or POST one first"}"""
                .formatted(action)));
    }

    @Test
    void putCreatesTheProfileWith201ThenReplacesItWith200() {
        assertThat(api.ask(profile("PUT", "{\"name\":\"Ada\"}"))).isEqualTo(json("""
                {"route":"/user/profile","action":"PUT","status":201,"body":{"version":1,"profile":{"name":"Ada"}}}"""));
        assertThat(api.ask(profile("PUT", "{\"name\":\"Grace\"}"))).isEqualTo(json("""
                {"route":"/user/profile","action":"PUT","status":200,"body":{"version":2,"profile":{"name":"Grace"}}}"""));
        assertThat(api.ask(profile("GET", null)).at("/body/profile/name").asText()).isEqualTo("Grace");
    }

    @Test
    void postWhenAProfileExistsIs409AndKeepsIt() {
        api.ask(profile("POST", "{\"name\":\"Ada\"}"));
        assertThat(api.ask(profile("POST", "{\"name\":\"Eve\"}"))).isEqualTo(json("""
                {"route":"/user/profile","action":"POST","status":409,"error":"a profile exists: PUT replaces it"}"""));
        assertThat(api.ask(profile("GET", null)).at("/body/profile/name").asText()).isEqualTo("Ada");
    }

    @Test
    void profileWithAnUnknownActionIs405() {
        assertThat(api.ask(profile("PATCH", "{}")).get("error").asText())
                .isEqualTo("route '/user/profile' does not take action 'PATCH'; it takes GET, POST, PUT, DELETE");
    }

    @Test
    void profileBodyThatIsNotAnObjectIs400() {
        assertThat(api.ask(profile("POST", "[\"Ada\"]"))).isEqualTo(json("""
                {"route":"/user/profile","action":"POST","status":400,
                 "error":"\\"body\\" must be a JSON object with the profile's fields, got an array"}"""));
    }

    @ParameterizedTest(name = "{0} -> 400: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{                                  | malformed JSON: Unexpected end-of-input: expected close marker for Object",
        "[]                                 | expected a JSON object, got an array",
        "\"x\"                              | expected a JSON object, got a string",
        "``                                 | expected a JSON object, got nothing",
        "{\"path\":1}                       | \"path\" must name a route, got a number",
        "{}                                 | missing \"path\" (or \"route\"): which route is this message for?",
        "{\"path\":\"\"}                    | \"path\" must name a route, got an empty string",
        "{\"path\":\"a\",\"route\":\"b\"}   | give \"path\" or \"route\", not both",
        "{\"path\":\"route_b\",\"action\":7}| \"action\" must be a string, got a number",
        "{\"path\":\"a\",\"path\":\"b\"}    | malformed JSON: Duplicate field 'path'",
        "{\"path\":\"route_a\"} trailing    | malformed JSON: Unrecognized token 'trailing'",
    })
    void malformedMessageGets400NamingTheProblemAndTheConnectionStillAnswers(String message, String problem) {
        JsonNode reply = api.ask(message);

        assertThat(reply.get("status").asInt()).isEqualTo(400);
        assertThat(reply.get("error").asText()).startsWith(problem);
        assertThat(api.ask("{\"path\":\"route_a\"}")).isEqualTo(json(ROUTE_A_REPLY));
    }

    @Test
    void jsonNestedTooDeepGets400NamingTheLimitNotAClassAndTheConnectionStillAnswers() {
        JsonNode reply = api.ask("{\"path\":\"route_b\",\"action\":\"update\",\"body\":" + "[".repeat(999) + "]".repeat(999) + "}");

        assertThat(reply.get("status").asInt()).isEqualTo(400);
        assertThat(reply.get("error").asText())
                .isEqualTo("too large or too deep: the API takes 16384 characters of JSON, nested 32 deep at most")
                .doesNotContain("Exception");
        assertThat(api.ask("{\"path\":\"route_a\"}")).isEqualTo(json(ROUTE_A_REPLY));
    }

    @Test
    void jsonLargerThanTheApiTakesGets400AndTheConnectionStillAnswers() {
        JsonNode reply = api.ask("{\"path\":\"route_a\",\"pad\":\"" + "x".repeat(20_000) + "\"}");

        assertThat(reply.get("status").asInt()).isEqualTo(400);
        assertThat(reply.get("error").asText()).startsWith("too large or too deep");
        assertThat(api.ask("{\"path\":\"route_a\"}")).isEqualTo(json(ROUTE_A_REPLY));
    }

    @Test
    void aDeeplyNestedProfileIsRefusedAtStoreTimeAndEveryOtherClientStillGetsItsAnswer() throws Exception {
        String deep = "{\"a\":".repeat(998) + "1" + "}".repeat(998);
        assertThat(api.ask(profile("PUT", deep)).get("status").asInt()).isEqualTo(400);
        // The deepest profile the API takes is stored, and another client reads it back whole.
        String deepest = "{\"a\":".repeat(30) + "1" + "}".repeat(30);
        assertThat(api.ask(profile("PUT", deepest)).get("status").asInt()).isEqualTo(201);
        try (Peer other = router.open("echo-protocol")) {
            JsonNode reply = other.ask(profile("GET", null));
            assertThat(reply.get("status").asInt()).isEqualTo(200);
            assertThat(reply.at("/body/profile")).isEqualTo(json(deepest));
        }
    }

    @Test
    void binaryMessageGets400AndTheConnectionStillAnswers() {
        api.sendBinary(new byte[] {1, 2, 3});
        assertThat(api.nextJson())
                .isEqualTo(json("{\"status\":400,\"error\":\"echo-protocol takes text; got 3 bytes of binary\"}"));
        assertThat(api.ask("{\"path\":\"route_a\"}")).isEqualTo(json(ROUTE_A_REPLY));
    }

    /** The README's "Add a route" snippet, as written there: it compiles and answers. */
    @Test
    void theReadmesAddARouteSnippetWorks() {
        RouteTable routes = new RouteTable()
                .on("time", "*", request -> Reply.ok(TextNode.valueOf(Instant.now().toString())));

        JsonNode reply = json(routes.answer("{\"path\":\"time\"}"));
        assertThat(reply.get("status").asInt()).isEqualTo(200);
        assertThat(Instant.parse(reply.get("body").asText())).isBeforeOrEqualTo(Instant.now());
    }

    private static String profile(String action, String body) {
        return "{\"route\":\"/user/profile\",\"action\":\"" + action + "\"" + (body == null ? "" : ",\"body\":" + body) + "}";
    }
}
