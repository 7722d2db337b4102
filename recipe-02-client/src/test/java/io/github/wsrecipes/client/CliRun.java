package io.github.wsrecipes.client;

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
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> EchoClient.run(ClientOptions.parse(args), out));
        try {
            return new CliRun(status.get(20, TimeUnit.SECONDS), output.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException stillRunning) {
            throw new AssertionError("the client did not end; it printed:\n" + output, stillRunning);
        }
    }

    List<String> lines() {
        return output.lines().toList();
    }
}
