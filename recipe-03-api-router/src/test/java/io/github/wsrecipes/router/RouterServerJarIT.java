package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * What a learner sees: the runnable jar, started as its own process, prints the ready line with
 * the real port, answers on both protocols, and closes them with 1001 when told to stop.
 */
class RouterServerJarIT {

    private static final Pattern READY = Pattern.compile("Listening on http://localhost:(\\d+)/");

    @Test
    void jarPrintsTheReadyLineAnswersAndStopsPeersWith1001() throws Exception {
        Path jar = Path.of("target", "recipe-03-api-router.jar");
        assertThat(jar).as("the runnable jar built by 'package'").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        WebSocketClient client = new WebSocketClient();
        try {
            URI uri = URI.create("ws://localhost:" + awaitReadyPort(process) + "/");
            client.start();
            Peer api = Peer.open(client, uri, "echo-protocol");
            Peer updates = Peer.open(client, uri, "update-protocol");
            assertThat(api.ask("{\"path\":\"route_a\"}").get("status").asInt()).isEqualTo(200);

            process.destroy(); // SIGTERM, which runs the shutdown hook as Ctrl+C does

            assertThat(api.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(updates.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("process ended").isTrue();
        } finally {
            client.stop();
            process.destroyForcibly();
        }
    }

    private static int awaitReadyPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                // Keep reading, so that a full pipe never blocks the server's logging.
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "drain");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(ready.group(1));
            }
        }
        throw new AssertionError("the process ended without a ready line; it printed:\n" + seen);
    }
}
