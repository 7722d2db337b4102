package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * What a learner sees: the runnable jar, started as its own process, prints the ready line with
 * the real port, greets a client, and closes it with 1001 when the process is told to stop.
 */
class EchoServerJarIT {

    private static final Pattern READY = Pattern.compile("Listening on (http://localhost:(\\d+)/)");

    @Test
    void jarPrintsTheReadyLineWithTheRealPortAndStopsPeersWith1001() throws Exception {
        Path jar = Path.of("target", "recipe-01-server.jar");
        assertThat(jar).as("the runnable jar built by 'package'").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        WebSocketClient client = new WebSocketClient();
        try {
            URI uri = awaitReadyLine(process);
            client.start();
            Peer peer = new Peer.Messages();
            Peer.connect(client, uri, peer, null, "echo-protocol");
            assertThat(peer.next()).isEqualTo("yo");

            process.destroy(); // SIGTERM to this process id, as Ctrl+C would end it

            assertThat(peer.closeStatus()).startsWith("1001");
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("process ended").isTrue();
        } finally {
            client.stop();
            process.destroyForcibly();
        }
    }

    private static URI awaitReadyLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                assertThat(Integer.parseInt(ready.group(2))).isPositive();
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "drain");
                drain.setDaemon(true);
                drain.start();
                return URI.create(ready.group(1));
            }
        }
        throw new AssertionError("the process ended without a ready line; it printed:\n" + seen);
    }
}
