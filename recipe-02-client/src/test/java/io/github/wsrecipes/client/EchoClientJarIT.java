package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a learner sees: the runnable jar started as its own process (runs after package). */
class EchoClientJarIT {

    private static final Path JAR = Path.of("target", "recipe-02-client.jar");
    private static final Pattern READY = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+/)");

    private EchoServerForTests server;
    private Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = EchoServerForTests.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void theJarConnectsPrintsTheExchangeAndExitsZero() throws Exception {
        start(server.uri().toString(), "--send", "heyo", "--count", "2", "--interval", "50");

        awaitLine("WebSocket Client Connected"::equals);
        awaitLine("Received: 'yo'"::equals);
        awaitLine("Received: 'heyo'"::equals);
        awaitLine("Connection Closed: 1000 done"::equals);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(server.texts()).hasSize(3);
    }

    @Test
    void ctrlCClosesTheConnectionWith1001() throws Exception {
        start(server.uri().toString());
        awaitLine("Received: 'yo'"::equals);

        process.destroy(); // SIGTERM, as Ctrl+C: the shutdown hook runs

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        await().untilAsserted(() -> assertThat(server.closeCodes()).containsExactly(1001));
    }

    @Test
    void nothingListeningExitsNonZeroWithTheCause() throws Exception {
        URI nowhere = server.uri();
        server.close();

        start(nowhere.toString(), "--count", "1");

        awaitLine(line -> line.startsWith("Connect Error: connection refused"));
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(EchoClient.CONNECT_ERROR);
    }

    @Test
    void servePagePrintsTheReadyLineWithTheRealPortAndServesThePage() throws Exception {
        start("--serve-page", "--host", "127.0.0.1", "--port", "0");

        Matcher ready = READY.matcher(awaitLine(line -> READY.matcher(line).matches()));
        assertThat(ready.matches()).isTrue();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ready.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<ol id=\"log\"");
    }

    private void start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException | UncheckedIOException closed) {
                // the process ended
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    private String awaitLine(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("the jar never printed the line; it printed:\n" + String.join("\n", seen));
    }
}
