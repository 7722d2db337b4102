package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What a learner sees: the app as its own process, started with --port 0 for both servers. */
class ReadyLinesTest {

    private static final Pattern PAGE_READY = Pattern.compile("Listening on http://localhost:(\\d+)/");
    private static final Pattern SOCKET_IO_READY = Pattern.compile("Socket\\.IO on http://localhost:(\\d+)/socket\\.io");

    @Test
    void mainPrintsBothReadyLinesWithTheRealPortsAndStopsOnSigterm() throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SocketIoRecipe.class.getName(),
                "--port", "0", "--socketio-port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            int pagePort = port(output, PAGE_READY);
            int socketIoPort = port(output, SOCKET_IO_READY);

            assertThat(pagePort).isPositive();
            assertThat(socketIoPort).isPositive().isNotEqualTo(pagePort);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + pagePort + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<title>Recipe 04");
        } finally {
            app.destroy(); // SIGTERM, as Ctrl+C would: the shutdown hook stops both servers
            assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("the app ended after SIGTERM").isTrue();
        }
    }

    /** Reads lines until one matches; its port. */
    private static int port(BufferedReader output, Pattern readyLine) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    Matcher match = readyLine.matcher(line);
                    if (match.matches()) {
                        return Integer.parseInt(match.group(1));
                    }
                }
                throw new AssertionError("the app ended without printing " + readyLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }
}
