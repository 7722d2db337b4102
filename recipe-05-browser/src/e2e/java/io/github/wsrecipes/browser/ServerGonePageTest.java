package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.github.wsrecipes.testsupport.Chromium;

/**
 * What the page shows when its server goes: a stop says goodbye (1001, clean); a server that
 * dies (kill -9: no close frame, the TCP connection just ends) gives 1006, not clean, and
 * Chromium fires the error event only when a connection fails, as a reconnect to nothing does.
 */
class ServerGonePageTest {

    private static final Path JAR = Path.of("..", "recipe-05-browser", "target", "recipe-05-browser.jar");

    @Test
    void aServerThatDiesGives1006NotCleanAndAReconnectToNothingGivesTheErrorEvent() throws Exception {
        Process recipe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--port", "0", "--quiet").redirectErrorStream(true).start();
        try (Chromium chromium = Chromium.start()) {
            chromium.open(listeningAddress(recipe));
            chromium.awaitText("state", "OPEN"::equals);

            recipe.destroyForcibly(); // SIGKILL: the server never gets to send a close frame
            assertThat(recipe.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(chromium.awaitText("closed-code", "1006"::equals)).isEqualTo("1006");
            assertThat(chromium.driver().findElement(By.id("closed-clean")).getText()).isEqualTo("false");
            chromium.driver().findElement(By.id("reconnect")).click();

            assertThat(chromium.awaitText("states", s -> s.endsWith("CLOSED"))).isEqualTo("CONNECTING → CLOSED");
            assertThat(chromium.awaitText("log", l -> l.lines().filter(line -> line.contains("onclose: code 1006")).count() == 2))
                    .containsSubsequence("onclose: code 1006", "new WebSocket(", "onerror:", "onclose: code 1006");
        } finally {
            recipe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoppedServerSaysGoodbyeWith1001Clean() throws Exception {
        Options options = new Options();
        options.parse("--port", "0", "--quiet");
        BrowserEchoServer server = new BrowserEchoServer(options);
        server.start();
        try (Chromium chromium = Chromium.start()) {
            chromium.open(server.uri().toString());
            chromium.awaitText("state", "OPEN"::equals);

            server.stop();

            assertThat(chromium.awaitText("closed-code", "1001"::equals)).isEqualTo("1001");
            assertThat(chromium.driver().findElement(By.id("closed-reason")).getText()).isEqualTo("server is shutting down");
            assertThat(chromium.driver().findElement(By.id("closed-clean")).getText()).isEqualTo("true");
        } finally {
            server.stop();
        }
    }

    /** The page's address from the jar's ready line {@code Listening on http://HOST:PORT/}. */
    private static String listeningAddress(Process recipe) throws Exception {
        assertThat(JAR).as("built by mvn package").isRegularFile();
        BufferedReader out = new BufferedReader(new InputStreamReader(recipe.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("Listening on ")) {
                return line.substring("Listening on ".length());
            }
        }
        throw new AssertionError("the jar ended without a ready line");
    }
}
