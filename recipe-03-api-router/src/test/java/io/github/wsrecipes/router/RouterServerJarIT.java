package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

import io.github.wsrecipes.testsupport.RecipeJar;

/**
 * What a learner sees: the runnable jar, started as its own process, prints its configuration and
 * the ready line with the real port, answers on both protocols, closes them with 1001 when told
 * to stop; and every wrong input gets the kit's one shape of answer.
 */
class RouterServerJarIT {

    @Test
    void jarPrintsTheReadyLineAnswersAndStopsPeersWith1001() throws Exception {
        WebSocketClient client = new WebSocketClient();
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "--port", "0")) {
            assertThat(app.awaitLine(line -> line.startsWith("Config: "))).startsWith("Config: host=localhost, port=0, origins=this machine's");
            assertThat(app.baseUri().toString()).matches("http://localhost:[1-9]\\d*/");
            URI uri = URI.create("ws" + app.baseUri().toString().substring("http".length()));
            client.start();
            Peer api = Peer.open(client, uri, "echo-protocol");
            Peer updates = Peer.open(client, uri, "update-protocol");
            assertThat(api.ask("{\"path\":\"route_a\"}").get("status").asInt()).isEqualTo(200);
            updates.send("hello");
            assertThat(updates.nextJson().get("update").asText()).isEqualTo("hello");

            app.stop(); // SIGTERM, which runs the shutdown hook as Ctrl+C does

            assertThat(api.closeStatus().get(10, TimeUnit.SECONDS)).isEqualTo("1001 server is shutting down");
            assertThat(updates.closeStatus().get(10, TimeUnit.SECONDS)).isEqualTo("1001 server is shutting down");
            assertThat(app.exitCode()).isEqualTo(143); // 128 + SIGTERM: the JVM ended through its shutdown hooks
            assertThat(app.output()).doesNotContain("Exception", "WARN");
        } finally {
            client.stop();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorInOneLineWithExit2() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "--port", "70000")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).isEqualTo("--port must be from 0 (any free port) to 65535, not 70000\nTry --help.");
        }
    }

    @Test
    void anUnknownFlagIsAUsageErrorInOneLineWithExit2() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "--prot")) {
            assertThat(app.exitCode()).isEqualTo(2);
            assertThat(app.output()).startsWith("Unknown option: '--prot'").endsWith("\nTry --help.").doesNotContain("Usage:");
        }
    }

    @Test
    void aPortInUseSaysCannotListenWithExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"));
             RecipeJar app = RecipeJar.start("recipe-03-api-router", "--port", String.valueOf(taken.getLocalPort()))) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).endsWith("\nCannot listen on localhost:" + taken.getLocalPort()
                    + ": Address already in use. Is another recipe running? --port 0 picks a free port.");
        }
    }

    @Test
    void anUnknownHostSaysCannotListenWithExit1() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "--host", "no-such-host.invalid", "--port", "0")) {
            assertThat(app.exitCode()).isEqualTo(1);
            assertThat(app.output()).endsWith("\nCannot listen on no-such-host.invalid:0: unknown host."
                    + " Is another recipe running? --port 0 picks a free port.");
        }
    }

    @Test
    void versionComesFromTheJarsManifest() throws Exception {
        try (RecipeJar app = RecipeJar.start("recipe-03-api-router", "-V")) {
            assertThat(app.exitCode()).isEqualTo(0);
            assertThat(app.output()).matches("recipe-03-api-router \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }
}
