package io.github.wsrecipes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test as its own process, a Java recipe's jar or a Node original, with what the
 * kernel counts for it: CPU time, resident memory, threads ({@code /proc/PID}).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("(?:Listening on|Socket\\.IO on) (http://\\S+?)/?$");
    private static final Pattern REDIS_READY = Pattern.compile("Ready to accept connections");
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl+C or a crash of the tool: every server it started is stopped by its PID all the same.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "stop servers"));
    }
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final String name;
    private final List<URI> addresses = new ArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final int readyAfter;
    private final long started = System.nanoTime();
    private volatile double startMillis = Double.NaN;
    private final Pattern readyLine;
    private final List<String> tail = new ArrayList<>(); // the last lines printed, to say why a start failed

    private ServerProcess(String name, List<String> command, int addressLines, Pattern readyLine) throws IOException {
        this.name = name;
        this.readyAfter = addressLines;
        this.readyLine = readyLine;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        LIVE.add(process);
        Thread reader = new Thread(this::read, "output of " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java -jar <root>/<module>/target/<module>.jar --port 0 …}; a Socket.IO recipe prints two addresses. */
    static ServerProcess java(Path root, String module, List<String> jvmFlags, int addressLines, String... args) throws IOException {
        return java(module, root, module, jvmFlags, addressLines, args);
    }

    /** The same under another name, e.g. {@code node 1} of two chat nodes. */
    static ServerProcess java(String name, Path root, String module, List<String> jvmFlags, int addressLines, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", root.resolve(module).resolve("target").resolve(module + ".jar").toString(), "--port", "0"));
        command.addAll(List.of(args));
        return new ServerProcess(name, command, addressLines, ADDRESS).awaitReady();
    }

    /** {@code node <root>/kit-bench/node/<script>.js …}. */
    static ServerProcess node(Path root, String script, String... args) throws IOException {
        return node("node " + script, root, script, args);
    }

    static ServerProcess node(String name, Path root, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", root.resolve("kit-bench/node/" + script + ".js").toString()));
        command.addAll(List.of(args));
        return new ServerProcess(name, command, 1, ADDRESS).awaitReady();
    }

    /** Debian's {@code redis-server} on a free loopback port, saving nothing; its address is {@code redis://127.0.0.1:PORT}. */
    static ServerProcess redis(Path binary) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ServerProcess redis = new ServerProcess("redis", List.of(binary.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", System.getProperty("java.io.tmpdir")), 1, REDIS_READY);
        redis.addresses.add(URI.create("redis://127.0.0.1:" + port));
        return redis.awaitReady();
    }

    private ServerProcess awaitReady() {
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            LIVE.remove(process);
            synchronized (tail) {
                throw new IllegalStateException(name + " never got ready; its last lines:\n  " + String.join("\n  ", tail), e);
            }
        }
        return this;
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (tail) {
                    tail.add(line);
                    if (tail.size() > 20) {
                        tail.remove(0);
                    }
                }
                Matcher address = readyLine.matcher(line.trim());
                if (address.find() && !ready.isDone()) {
                    if (readyLine != ADDRESS) {
                        ready.complete(null); // Redis: its address is known before it starts
                        continue;
                    }
                    addresses.add(URI.create(address.group(1) + "/"));
                    if (addresses.size() == readyAfter) {
                        startMillis = (System.nanoTime() - started) / 1e6;
                        ready.complete(null);
                    }
                }
            }
        } catch (IOException ended) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException(name + " ended"));
    }

    /** Milliseconds from starting the process to its last ready line (the recipes' "Listening on"). */
    double startMillis() {
        return startMillis;
    }

    String name() {
        return name;
    }

    /** The n-th address the server printed, e.g. 1 for a Socket.IO recipe's Socket.IO server. */
    URI address(int n) {
        return addresses.get(n);
    }

    /** Seconds of CPU the whole process has used so far, user and system. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    long rssKb() throws IOException {
        return status("VmRSS:");
    }

    long threads() throws IOException {
        return status("Threads:");
    }

    private long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(line -> line.startsWith(field))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        LIVE.remove(process);
    }
}
