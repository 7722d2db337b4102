package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an attacker meets at the Socket.IO port: the origin rule on every request, and prompt answers to garbage. */
class GuardTest {


    private static ChatServer server;
    private static URI socketIo;

    @BeforeAll
    static void start() throws Exception {
        server = TestClient.startServer();
        socketIo = server.socketIoUri();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aForeignOriginIsRefusedWith403EvenWithALiveSession() throws Exception {
        String sid = handshake();

        // A POST (a packet for the server) is answered at once; a GET would wait for one to come.
        HttpResponse<String> foreign = post("/socket.io/?EIO=4&transport=polling&sid=" + sid, "http://evil.example");
        HttpResponse<String> own = post("/socket.io/?EIO=4&transport=polling&sid=" + sid, "http://localhost:" + server.port());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("origin http://evil.example is not allowed");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo("ok");
    }

    @Test
    void aHandshakeFromAForeignOriginOrAnOriginThatOnlyMatchesItsHostIsRefused() throws Exception {
        assertThat(get("/socket.io/?EIO=4&transport=polling", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(get("/socket.io/?EIO=4&transport=polling", "null").statusCode()).isEqualTo(403);
        assertThat(get("/socket.io/?EIO=4&transport=polling", "http://localhost:" + server.port()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUndecodableUriIsAnswered400AndClosed() throws Exception {
        assertThat(raw("GET /% HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void aMalformedSessionIdIsAnswered400AndAnUnknownOneIsAnsweredToo() throws Exception {
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling&sid=nonsense HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling&sid=" + java.util.UUID.randomUUID()
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 5");
    }

    @Test
    void aHugeHeaderIsAnswered400() throws Exception {
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void aFrameOver64KibClosesOnlyItsOwnConnection() throws Exception {
        try (TestClient flooder = TestClient.join(socketIo, "flooder"); TestClient bob = TestClient.join(socketIo, "bob")) {
            flooder.emit("message", java.util.Map.of("message", "x".repeat(100_000)));

            assertThat(flooder.first(io.socket.client.Socket.EVENT_DISCONNECT).args().get(0)).isIn("transport close", "transport error");
            assertThat(bob.first("disconnected").data()).containsEntry("name", "flooder");
            bob.roundTrip();
            assertThat(bob.all("message")).isEmpty();
        }
    }

    @Test
    void anotherPathIsRefused() throws Exception {
        assertThat(get("/other", null).statusCode()).isEqualTo(404);
    }

    private static String handshake() throws Exception {
        String body = get("/socket.io/?EIO=4&transport=polling", null).body();
        return body.replaceFirst("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
    }

    private static HttpResponse<String> get(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(socketIo.resolve(path)).timeout(Duration.ofSeconds(10));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return fresh().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(socketIo.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Origin", origin).header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("40")).build();
        return fresh().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A client of its own per request: the guard closes a connection after refusing, and a pooled one may be that one. */
    private static HttpClient fresh() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Writes a raw request and returns the status line; fails when no answer comes within 5 s. */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(socketIo.getHost(), socketIo.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
    }
}
