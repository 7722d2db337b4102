package io.github.wsrecipes.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis server for the scale-out tests: Debian's {@code redis-server} binary, started on a
 * free loopback port with nothing saved to disk, stopped by its process id.
 *
 * <p>Without the binary the test is skipped with the reason, unless {@code -Dkit.redis.required=true}
 * (CI), where it fails instead; {@code -Dkit.redis=off} skips on purpose. {@code -Dkit.redis.server=PATH}
 * names another binary.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     node1 = start("--redis", redis.uri().toString());
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private static final Path DEBIAN_BINARY = Path.of("/usr/bin/redis-server");
    private static final long READY_SECONDS = 15;

    private final Process process;
    private final int port;
    private final List<String> output;

    private RedisServer(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts a fresh, empty Redis on a free port, or skips (or fails) the test. */
    public static RedisServer start() {
        Assumptions.assumeFalse("off".equals(System.getProperty("kit.redis")), "Redis tests are off (-Dkit.redis=off)");
        Path binary = Path.of(System.getProperty("kit.redis.server", DEBIAN_BINARY.toString()));
        if (!Files.isExecutable(binary)) {
            String reason = "no Redis server at " + binary + "; install redis-server (apt-get install redis-server) to run the scale-out tests";
            if (Boolean.getBoolean("kit.redis.required")) {
                Assertions.fail(reason + " [-Dkit.redis.required=true]");
            }
            Assumptions.abort(reason);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken before Redis binds it
            try {
                return start(binary, freePort());
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("Redis did not start", last);
    }

    private static RedisServer start(Path binary, int port) throws IOException {
        Process process = new ProcessBuilder(binary.toString(),
                "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice",
                "--dir", System.getProperty("java.io.tmpdir"))
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("Ready to accept connections")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended; its exit is reported below
            }
            ready.complete(false);
        }, "redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (ready.get(READY_SECONDS, TimeUnit.SECONDS)) {
                return new RedisServer(process, port, output);
            }
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.toHandle().destroyForcibly();
        synchronized (output) {
            throw new IOException("redis-server on port " + port + " did not get ready:\n" + String.join("\n", output));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code redis://127.0.0.1:PORT}, as a recipe's {@code --redis} takes it. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The server's process id, e.g. to read its CPU time from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** What the server printed so far, for a failure message. */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.destroy(); // SIGTERM: Redis exits at once, nothing to save
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }
}
