package io.github.wsrecipes.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx for the scale-out tests: Debian's {@code /usr/sbin/nginx}, in the foreground
 * ({@code daemon off}) with its own prefix folder in a temp directory (config, pid, logs and temp
 * files all inside it), on a free loopback port, stopped by its process id.
 *
 * <p>Without the binary the test is skipped with the reason, unless {@code -Dkit.nginx.required=true}
 * (CI), where it fails instead; {@code -Dkit.nginx=off} skips on purpose. {@code -Dkit.nginx.binary=PATH}
 * names another binary. The configuration is a whole {@code nginx.conf} whose relative paths
 * ({@code pid nginx.pid;}, {@code proxy_temp_path proxy_temp;}) resolve inside the prefix folder.
 *
 * <pre>{@code
 * try (Nginx nginx = Nginx.start(port -> config.replace("listen 127.0.0.1:8070", "listen 127.0.0.1:" + port))) {
 *     URI front = nginx.uri();
 * }
 * }</pre>
 */
public final class Nginx implements AutoCloseable {

    private static final Path DEBIAN_BINARY = Path.of("/usr/sbin/nginx");
    private static final long READY_MILLIS = 15_000;

    private final Process process;
    private final int port;
    private final Path prefix;

    private Nginx(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    /** Starts nginx with the configuration made for a free port, or skips (or fails) the test. */
    public static Nginx start(IntFunction<String> configForPort) {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken before nginx binds it
            try {
                return start(binary, freePort(), configForPort);
            } catch (IOException e) {
                last = e;
                if (!e.getMessage().contains("Address already in use")) {
                    break; // a broken configuration fails the same way on every port
                }
            }
        }
        throw new UncheckedIOException(last.getMessage(), last);
    }

    /** Starts nginx on a port chosen beforehand (e.g. one the servers behind it were told as their origin). */
    public static Nginx start(int port, IntFunction<String> configForPort) {
        try {
            return start(binary(), port, configForPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary to run, or the test skipped (or failed) with the reason. */
    static Path binary() {
        Assumptions.assumeFalse("off".equals(System.getProperty("kit.nginx")), "nginx tests are off (-Dkit.nginx=off)");
        Path binary = Path.of(System.getProperty("kit.nginx.binary", DEBIAN_BINARY.toString()));
        if (!Files.isExecutable(binary)) {
            String reason = "no nginx at " + binary + "; install nginx (apt-get install nginx) to run the scale-out tests";
            if (Boolean.getBoolean("kit.nginx.required")) {
                Assertions.fail(reason + " [-Dkit.nginx.required=true]");
            }
            Assumptions.abort(reason);
        }
        return binary;
    }

    private static Nginx start(Path binary, int port, IntFunction<String> configForPort) throws IOException {
        Path prefix = Files.createTempDirectory("kit-nginx-");
        // nginx started as root runs its workers as nobody, who must reach the temp folders inside.
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = prefix.resolve("nginx.conf");
        String text = configForPort.apply(port);
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Path output = prefix.resolve("output.log");
        // A configuration without its own pid line would share the system nginx's /run/nginx.pid.
        String global = Pattern.compile("^\\s*pid\\s", Pattern.MULTILINE).matcher(text).find() ? "daemon off;" : "daemon off; pid nginx.pid;";
        // -e: the error log from the first line on (before the config is read, nginx would use its built-in path).
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix + "/", "-c", config.toString(),
                "-e", prefix.resolve("error.log").toString(), "-g", global)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        while (process.isAlive() && System.nanoTime() < deadline) {
            // Workers are forked once every port is bound: before that, the port may answer for someone else.
            if (process.toHandle().children().findAny().isPresent() && accepts(port)) {
                return new Nginx(process, port, prefix);
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS); // returns at once if nginx exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String why = process.isAlive() ? "did not accept on port " + port + " within " + READY_MILLIS + " ms"
                : "exited with " + process.exitValue();
        stop(process);
        String log = read(output) + read(prefix.resolve("error.log"));
        deleteQuietly(prefix);
        throw new IOException("nginx " + why + ":\n" + log);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code http://127.0.0.1:PORT/}: the one origin in front of the servers. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The prefix folder: the config, pid file, logs and temp files; deleted by {@link #close()}. */
    public Path folder() {
        return prefix;
    }

    /** The error log and, when the configuration writes one to {@code access.log}, the access log: for a failure message. */
    public String logs() {
        return read(prefix.resolve("error.log")) + read(prefix.resolve("access.log"));
    }

    @Override
    public void close() {
        stop(process);
        deleteQuietly(prefix);
    }

    /** SIGTERM: nginx's fast shutdown, open connections are closed at once; its workers follow their master. */
    private static void stop(Process process) {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> workers = handle.children().toList();
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle worker : workers) {
                worker.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        } catch (Exception workerStuck) {
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? "--- " + file.getFileName() + "\n" + Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "--- " + file.getFileName() + ": " + e + "\n";
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
