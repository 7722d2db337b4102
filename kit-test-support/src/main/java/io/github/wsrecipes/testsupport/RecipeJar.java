package io.github.wsrecipes.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;

/**
 * A recipe as a learner runs it: {@code java -jar target/<module>.jar …} as its own process,
 * with everything it prints collected line by line.
 *
 * <p>For Failsafe tests ({@code *IT}), which run after {@code package} has built the jar.
 * {@link #stop()} sends SIGTERM to this process id, which runs the app's shutdown hook as
 * Ctrl+C in a terminal does.
 *
 * <pre>{@code
 * try (RecipeJar app = RecipeJar.start("recipe-01-server", "--port", "0")) {
 *     URI page = app.baseUri();          // from "Listening on http://localhost:PORT/"
 *     …
 *     app.stop();
 *     assertThat(app.exitCode()).isEqualTo(143);
 * }
 * }</pre>
 */
public final class RecipeJar implements AutoCloseable {

    private static final String LISTENING = "Listening on ";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded; // guarded by lines

    private RecipeJar(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collectOutput, "recipe-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the module's runnable jar with these arguments (the tests run in kit-e2e, beside the module). */
    public static RecipeJar start(String module, String... args) throws IOException {
        return start(List.of(), module, args);
    }

    /** The same, with these flags for the JVM, e.g. {@code -Xmx64m}. */
    public static RecipeJar start(List<String> jvmFlags, String module, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar(module).toString()));
        command.addAll(List.of(args));
        return new RecipeJar(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** This JVM's {@code java}, which runs the jars too. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The module's runnable jar, as {@code mvn package} built it. */
    public static Path jar(String module) {
        Path jar = Path.of("..", module, "target", module + ".jar");
        Assertions.assertTrue(Files.isRegularFile(jar), () -> jar + " is missing: it is built by 'mvn package'");
        return jar;
    }

    /** Waits for the first line that satisfies the condition and returns it. */
    public String awaitLine(Predicate<String> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (lines) {
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (wanted.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || outputEnded) {
                    return Assertions.fail("the jar never printed the line awaited; it printed:\n" + output());
                }
                waitQuietly(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** The address on the first line starting with this text, e.g. {@code "Socket.IO on "}. */
    public URI uriAfter(String prefix) {
        return addressAfter(prefix, awaitLine(line -> line.startsWith(prefix)))
                .orElseThrow(() -> new AssertionError("no address after '" + prefix + "'"));
    }

    /** The address written right after {@code prefix} in {@code text}, as the kit's ready lines put it. */
    static Optional<URI> addressAfter(String prefix, String text) {
        Matcher address = Pattern.compile(Pattern.quote(prefix) + "(\\S+)").matcher(text);
        return address.find() ? Optional.of(URI.create(address.group(1))) : Optional.empty();
    }

    /** The page's address from the kit's ready line {@code Listening on http://HOST:PORT/}. */
    public URI baseUri() {
        return uriAfter(LISTENING);
    }

    /** Everything printed so far, stdout and stderr together. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGTERM, as Ctrl+C or {@code docker stop}: the app's shutdown hook runs. */
    public void stop() {
        // Through the handle: Process.destroy() would also close our end of the output pipe at
        // once, and the lines the app prints while it shuts down would be lost.
        process.toHandle().destroy();
    }

    /** Waits for the process to end, and for its last line to be read; returns its exit code. */
    public int exitCode() throws InterruptedException {
        Assertions.assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS),
                () -> "the jar did not end; it printed:\n" + output());
        synchronized (lines) {
            while (!outputEnded) {
                lines.wait(PATIENCE.toMillis());
            }
        }
        return process.exitValue();
    }

    /** Ends the process for sure, whatever the test did. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private void collectOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException | UncheckedIOException closed) {
            // the process ended
        } finally {
            synchronized (lines) {
                outputEnded = true;
                lines.notifyAll();
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            lines.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assertions.fail("interrupted while waiting for the jar's output", e);
        }
    }
}
