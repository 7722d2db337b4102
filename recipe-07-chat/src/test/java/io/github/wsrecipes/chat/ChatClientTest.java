package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terminal client in the same room as a Java test client: both directions, and peer text made harmless. */
class ChatClientTest {

    private ChatServer server;
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private ChatClient terminal;

    @BeforeEach
    void start() throws Exception {
        server = TestClient.startServer();
        terminal = new ChatClient(printed::add);
        new picocli.CommandLine(terminal).parseArgs("--name", "teacher", "http://localhost:" + server.socketIoUri().getPort());
    }

    @AfterEach
    void stop() throws InterruptedException {
        terminal.close();
        server.stop();
    }

    @Test
    void linesTypedReachTheRoomAndWhatTheRoomSaysIsPrinted() throws Exception {
        try (TestClient ada = TestClient.join(server.socketIoUri(), "ada")) {
            ada.say("before you came");
            terminal.connect();
            await().atMost(Duration.ofSeconds(15)).until(() -> printed.stream().anyMatch(line -> line.startsWith("* you are teacher")));

            terminal.chat(new BufferedReader(new StringReader("hello class\n/quit\nnot sent\n")));
            ada.say("hi \u001b[31mteacher\nforged");

            assertThat(ada.first("message").data()).containsEntry("name", "teacher").containsEntry("message", "hello class");
            await().atMost(Duration.ofSeconds(15)).until(() -> printed.stream().anyMatch(line -> line.contains("ada: hi ")));
            assertThat(printed).contains("* you are teacher; 2 online: ada, teacher");
            assertThat(printed).anyMatch(line -> line.matches("\\[\\d\\d:\\d\\d:\\d\\d] ada: before you came"));
            assertThat(printed).anyMatch(line -> line.endsWith("ada: hi ?[31mteacher?forged"));
            ada.roundTrip();
            assertThat(ada.all("message")).as("/quit ends the input").hasSize(1);
        }
    }

    @Test
    void aRefusalIsPrintedWithItsRule() throws Exception {
        terminal.connect();
        await().atMost(Duration.ofSeconds(15)).until(() -> printed.stream().anyMatch(line -> line.startsWith("* you are")));

        terminal.chat(new BufferedReader(new StringReader("z".repeat(2001) + "\n")));

        await().atMost(Duration.ofSeconds(15)).until(() -> printed.stream().anyMatch(line -> line.startsWith("! message: a message is at most 2000")));
        try (TestClient ada = TestClient.join(server.socketIoUri(), "ada")) {
            assertThat(ada.first("members").data()).containsEntry("members", List.of("teacher", "ada"));
        }
    }
}
