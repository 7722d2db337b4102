package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One in-process run of the command-line client: its exit status and what it printed. */
record CliRun(int exitStatus, String output) {

    static CliRun of(String... args) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = start(output, args);
        try {
            return new CliRun(status.get(20, TimeUnit.SECONDS), output.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException stillRunning) {
            throw new AssertionError("the client did not end; it printed:\n" + output, stillRunning);
        }
    }

    /** Starts the client in the background, printing into {@code output}; completes with its exit status. */
    static CompletableFuture<Integer> start(ByteArrayOutputStream output, String... args) {
        ClientOptions options = new ClientOptions();
        assertThat(options.parse(args)).as("a usage error in " + List.of(args)).isEmpty();
        EchoClient client = new EchoClient(options, new PrintStream(output, true, StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    List<String> lines() {
        return output.lines().toList();
    }
}
