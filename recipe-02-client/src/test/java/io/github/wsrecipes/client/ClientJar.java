package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The recipe's second program as a learner runs it, {@code java -cp target/recipe-02-client.jar
 * io.github.wsrecipes.client.EchoClient …}, as its own process (RecipeJar runs only the jar's
 * main class). Everything it prints, stdout and stderr, is kept line by line.
 */
final class ClientJar implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ClientJar(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException | RuntimeException ended) {
                // the process is gone
            }
        }, "client-jar-output");
        reader.start();
    }

    static ClientJar start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("..", "recipe-02-client", "target", "recipe-02-client.jar").toString(), EchoClient.class.getName()));
        command.addAll(List.of(args));
        return new ClientJar(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for the first line that satisfies the condition and returns it. */
    String awaitLine(Predicate<String> wanted) {
        await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(wanted) || !reader.isAlive());
        return lines.stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError("never printed; it printed:\n" + output()));
    }

    /** SIGTERM, as Ctrl+C: the shutdown hook runs. */
    void stop() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and its last line to be read; returns its exit code. */
    int exitCode() throws InterruptedException {
        assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the client ended; it printed:\n%s", output()).isTrue();
        reader.join(PATIENCE.toMillis());
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
