package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same port serves plain HTTP: the page, honest 404s, and nothing outside the web root. */
class StaticFilesTest {

    private static EchoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServers.startOnFreePort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void indexPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<title>Recipe 01 · ", "<h1>Recipe 01 · ");
    }

    @Test
    void scriptStyleFaviconAndPicoAreServed() throws Exception {
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/recipe.css").statusCode()).isEqualTo(200);
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/picocss__pico/2.1.1/css/pico.min.css").statusCode()).isEqualTo(200);
    }

    @Test
    void missingFileIsA404() throws Exception {
        assertThat(get("/no-such-file.html").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "//etc/passwd", "/../../../../etc/passwd"})
    void pathsOutsideTheWebRootAreNeverServed(String path) throws IOException {
        // A raw request line: HTTP clients would tidy these paths up before sending them.
        String response = rawGet(path);

        assertThat(response).doesNotStartWith("HTTP/1.1 200");
        assertThat(response).doesNotContain("<project", "root:");
        assertThat(response).matches("(?s)HTTP/1.1 (400|404) .*");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String rawGet(String path) throws IOException {
        URI uri = server.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
