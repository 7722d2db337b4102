package io.github.wsrecipes.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.lifecycle.Startable;

import com.github.dockerjava.api.exception.NotFoundException;

/**
 * A recipe as users get it: its image, built from the module's {@code src/main/docker/Dockerfile}
 * and runnable jar {@code target/<module>.jar}, running in Docker.
 *
 * <p>Run by Failsafe after {@code package}, so the jar is the shaded one users run. The image is
 * built {@code FROM -Dkit.baseImage}, which must already be in the local Docker: the tests never
 * pull. The container shares the host's network (CI's engine has no bridge), so the command
 * should bind {@code --host 127.0.0.1 --port 0}; the real address is read from the ready line.
 * The container and its image are removed on {@link #stop()}.
 *
 * <p>Without Docker (or with {@code -Dkit.docker=off}) each test is skipped with the reason and counted
 * as skipped, unless {@code -Dkit.docker.required=true} (CI), where a missing Docker or base image fails
 * it instead. As a static extension the container starts before the class's first test, not in
 * {@code beforeAll}: a skip there would leave Surefire's counts at "Tests run: 0, Skipped: 0".
 *
 * <pre>{@code
 * class Recipe01ContainerIT {
 *     @RegisterExtension
 *     static final RecipeContainer RECIPE =
 *             RecipeContainer.of("recipe-01-server", "--host", "127.0.0.1", "--port", "0");
 *
 *     @Test
 *     void servesThePage() { … RECIPE.baseUri() … }
 * }
 * }</pre>
 */
public final class RecipeContainer implements Startable, BeforeEachCallback, AfterAllCallback {

    private static final String LISTENING = "Listening on ";
    private static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String module;
    private final String[] command;
    private final List<String> readyLines = new ArrayList<>(List.of(LISTENING));
    private ImageFromDockerfile image;
    private GenericContainer<?> container;
    private boolean started;
    private Throwable unavailable; // why the first start failed: every later test of the class fails or skips the same way

    private RecipeContainer(String module, String[] command) {
        this.module = module;
        this.command = command;
    }

    /** The image of this module (run from the module's directory), started with this command. */
    public static RecipeContainer of(String module, String... command) {
        return new RecipeContainer(module, command);
    }

    /**
     * Also waits for a log line starting with this text before the recipe counts as started,
     * e.g. {@code "Socket.IO on "}; {@link #uriAfter} reads the address it names.
     */
    public RecipeContainer awaiting(String readyLine) {
        readyLines.add(readyLine);
        return this;
    }

    /**
     * Counts the recipe as started at the first log line starting with this text instead of the
     * ready line, for an app that is a client and listens on nothing, e.g.
     * {@code "WebSocket Client Connected"}.
     */
    public RecipeContainer readyWhen(String line) {
        readyLines.clear();
        readyLines.add(line);
        return this;
    }

    /** As a static {@code @RegisterExtension}: started once, before the first test of the class. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (unavailable instanceof Error error) {
            throw error;
        }
        if (unavailable != null) {
            throw (RuntimeException) unavailable;
        }
        if (!started) {
            try {
                start();
            } catch (RuntimeException | Error e) {
                unavailable = e;
                throw e;
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void start() {
        Assumptions.assumeFalse("off".equals(System.getProperty("kit.docker")), "container tests are off (-Dkit.docker=off)");
        String baseImage = System.getProperty("kit.baseImage", DEFAULT_BASE_IMAGE);
        requireDockerWith(baseImage);
        // kit-e2e runs in its own folder, beside the recipe's.
        Path recipe = Path.of("..", module);
        Path dockerfile = requireFile(recipe.resolve("src/main/docker/Dockerfile"));
        Path jar = requireFile(recipe.resolve(Path.of("target", module + ".jar")));

        // withFileFromPath("Dockerfile", …), not withDockerfile(…): the latter pre-pulls FROM.
        image = new ImageFromDockerfile("kit-test/" + module + ":" + UUID.randomUUID(), true)
                .withFileFromPath("Dockerfile", dockerfile)
                .withFileFromPath("target/" + module + ".jar", jar)
                .withBuildArg("BASE_IMAGE", baseImage);
        WaitAllStrategy ready = new WaitAllStrategy().withStartupTimeout(PATIENCE);
        readyLines.forEach(line -> ready.withStrategy(Wait.forLogMessage(".*" + Pattern.quote(line) + ".*\\n", 1)));
        // No shell in the image, so the wait reads the log; no bridge here, so the host's network.
        container = new GenericContainer<>(image)
                .withNetworkMode("host")
                .withCommand(command)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container." + module)))
                .waitingFor(ready);
        try {
            container.start();
            started = true;
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The page's address, from the ready line {@code Listening on http://HOST:PORT/}. */
    public URI baseUri() {
        return uriAfter(LISTENING);
    }

    /** The WebSocket address on the page's host and port: {@code ws://HOST:PORT/}. */
    public URI webSocketUri() {
        return URI.create("ws" + baseUri().toString().substring("http".length()));
    }

    /** The address printed right after this text in the log, e.g. {@code "Socket.IO on "}. */
    public URI uriAfter(String text) {
        return RecipeJar.addressAfter(text, logs())
                .orElseThrow(() -> new AssertionError(module + " never printed '" + text + "…':\n" + logs()));
    }

    /** Everything the recipe printed so far. */
    public String logs() {
        return container.getLogs();
    }

    /**
     * Stops the recipe the way {@code docker stop} does: SIGTERM to the app (PID 1 with an
     * exec-form ENTRYPOINT), whose shutdown hook then runs as on Ctrl+C. The container stays
     * until {@link #stop()}, so its {@link #logs()} can still be read.
     */
    public void dockerStop() {
        DockerClientFactory.lazyClient().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
    }

    /** Removes the container (killing the app if it still runs), then the image built for it. */
    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (image != null && image.isDone()) {
            try {
                DockerClientFactory.lazyClient().removeImageCmd(image.get()).withForce(true).exec();
            } catch (Exception alreadyGone) {
                // nothing left to clean up
            }
        }
    }

    private static void requireDockerWith(String baseImage) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(baseImage).exec();
        } catch (NotFoundException e) {
            unavailable("base image " + baseImage + " is not in the local Docker and the tests never pull it; run"
                    + " `docker pull " + baseImage + "` or build one with .ci/base-image and pass -Dkit.baseImage=…");
        } catch (RuntimeException e) {
            unavailable("Docker is not available (" + e.getMessage() + "); install and start Docker to run"
                    + " container tests");
        }
    }

    private static void unavailable(String reason) {
        if (Boolean.getBoolean("kit.docker.required")) {
            Assertions.fail(reason + " [-Dkit.docker.required=true]");
        }
        // Surefire's summary counts the skips but not why: log the reason where the build output shows it.
        LoggerFactory.getLogger(RecipeContainer.class).warn("Skipping the container tests: {}", reason);
        Assumptions.abort(reason);
    }

    private Path requireFile(Path file) {
        Assertions.assertTrue(Files.isRegularFile(file),
                () -> module + " has no " + file.toAbsolutePath() + "; run the container tests with `mvn verify`");
        return file;
    }
}
