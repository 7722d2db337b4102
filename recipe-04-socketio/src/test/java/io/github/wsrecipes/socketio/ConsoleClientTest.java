package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** The Java client main prints the chapter's console output, on the chapter's /websocket path. */
class ConsoleClientTest {

    private static SocketIoRecipe recipe;

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe(
                "--port", "0", "--socketio-port", "0", "--path", "/websocket", "--token", "s3cret", "--tick", "200");
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--websocket-only"})
    void printsWhatArrivesOnEveryNamespaceInTheChaptersWords(String transport) {
        List<String> lines = new CopyOnWriteArrayList<>();

        try (ConsoleClient client = client("--path", "/websocket", "--token", "s3cret", transport)) {
            client.connect(lines::add);

            awaitLines(lines,
                    "[/] message: Hi, from server",
                    "[/] custom-event: parameter1 parameter2",
                    "[/] news: {\"hello\":\"world\"}",
                    "[/] server got custom-event: parameter1 parameter2",
                    "[/] server got my other event: {\"my\":\"data\"}",
                    "[/] custom-event-3",
                    "[/] message: Hello to everyone in this group",
                    "[/custom-namespace] message: Hi, from custom-namespace",
                    "[/custom-namespace] custom-event: parameter1 parameter2",
                    "[/custom-namespace] custom-event-2",
                    "[/custom-namespace] message: Hello Everyone. What's up!!!");
            // Listing 8-9's /users namespace, reached over the same connection.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines)
                    .anyMatch(line -> line.startsWith("[/users] user message: {") && line.contains("\"that\":\"only\""))
                    .anyMatch(line -> line.startsWith("[/users] users message: {") && line.contains("\"everyone\":\"in\"")));
            assertThat(lines.stream().filter(line -> line.startsWith("[/] ")).findFirst()).get().asString().startsWith("[/] connect, id ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--websocket-only"})
    void aMissingTokenIsReportedWithTheReason(String transport) {
        List<String> lines = new CopyOnWriteArrayList<>();

        try (ConsoleClient client = client("--path", "/websocket", transport)) {
            client.connect(lines::add);

            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.startsWith("[/] connect_error:")));
            assertThat(lines).filteredOn(line -> line.startsWith("[/] connect_error:")).singleElement().asString()
                    .contains("401").contains("--token");
        }
    }

    private static ConsoleClient client(String... args) {
        ConsoleClient client = new ConsoleClient();
        List<String> given = new ArrayList<>(List.of(args));
        given.removeIf(String::isEmpty);
        given.add(Started.socketIoServer(recipe));
        new CommandLine(client).parseArgs(given.toArray(String[]::new));
        return client;
    }

    private static void awaitLines(List<String> lines, String... expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines).contains(expected));
    }
}
