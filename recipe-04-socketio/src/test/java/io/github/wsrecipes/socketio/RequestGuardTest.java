package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.wsrecipes.socketio.TestClient.Transports;

/** Bad, foreign or unfinished requests to the Socket.IO server: each answered and closed, with one log line. */
class RequestGuardTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private static SocketIoRecipe recipe;
    private static int port;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe("--port", "0", "--socketio-port", "0", "--tick", "600000");
        port = recipe.socketIoUri().getPort();
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @BeforeEach
    void watchTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void noStackTrace() {
        root().detachAppender(log);
        assertThat(log.list).as("log lines with a stack trace").noneMatch(event -> event.getThrowableProxy() != null);
    }

    /**
     * Every upgrade from polling to WebSocket ends. Without the guard's NOOP every 100 ms while a client
     * upgrades, about one connect in 60 in a loop like this one stalls until the ping timeout.
     */
    @Test
    void everyPollingClientFinishesItsUpgradeToWebSocket() {
        String url = "http://localhost:" + port;
        for (int i = 0; i < 300; i++) {
            try (TestClient client = TestClient.open(url, "/", Transports.POLLING_THEN_UPGRADE, options -> { })) {
                assertThat(client.upgradedWithin(Duration.ofSeconds(3))).as("connect %d upgraded", i).isTrue();
            }
        }
    }

    /** A client probes its WebSocket once; netty-socketio would queue a NOOP on polling for every probe, so a second one closes it. */
    @Test
    void aSecondUpgradeProbeClosesTheWebSocket() throws Exception {
        String sid = pollingHandshake();
        CountDownLatch answered = new CountDownLatch(1);
        CompletableFuture<String> ended = new CompletableFuture<>();
        WebSocket probes = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/socket.io/?EIO=4&transport=websocket&sid=" + sid), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                        if ("3probe".contentEquals(text)) {
                            answered.countDown();
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        ended.complete("closed " + statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        ended.complete("cut: " + error);
                    }
                }).get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        probes.sendText("2probe", true).get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(answered.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("the first probe answered").isTrue();
        assertThat(ended).as("open after one probe").isNotDone();

        Logger guard = (Logger) LoggerFactory.getLogger("io.github.wsrecipes.support.socketio.RequestGuard"); // recipe 07's tests keep it off root
        guard.addAppender(log);
        try {
            probes.sendText("2probe", true);
            assertThat(ended.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.endsWith(": a second upgrade probe"));
        } finally {
            guard.detachAppender(log);
        }
    }

    @Test
    void aPollWithALiveSessionFromAForeignOriginIsRefusedWithoutCorsHeaders() throws Exception {
        String sid = pollingHandshake();
        HttpResponse<String> poll = http("/socket.io/?EIO=4&transport=polling&sid=" + sid, "http://evil.example:8084");

        assertThat(poll.statusCode()).isEqualTo(403);
        assertThat(poll.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPollWithALiveSessionFromThePageIsAnswered() throws Exception {
        String sid = pollingHandshake();
        String page = "http://localhost:" + recipe.uri().getPort();
        HttpResponse<String> poll = http("/socket.io/?EIO=4&transport=polling&sid=" + sid, page);

        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(poll.body()).contains("Hi, from server");
        assertThat(poll.headers().firstValue("Access-Control-Allow-Origin")).contains(page);
    }

    @Test
    void aRequestThatCannotBeParsedIsAnsweredAndClosed() throws Exception {
        assertThat(raw("GET /% HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling&sid=%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling&sid=nope HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling&sid=" + java.util.UUID.randomUUID() + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 500");
        assertThat(raw("GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404");
    }

    @Test
    void aHugeHeaderIsAnsweredAndClosed() throws Exception {
        assertThat(raw("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 4");
    }

    @Test
    void aWebSocketUpgradeWithoutItsKeyIsClosed() throws Exception {
        String sid = pollingHandshake();
        assertThat(raw("GET /socket.io/?EIO=4&transport=websocket&sid=" + sid + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")).doesNotStartWith("HTTP/1.1 101");
    }

    @Test
    void aGarbageBodyOnALiveSessionIsAnsweredWithOneLine() throws Exception {
        String sid = pollingHandshake();
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/socket.io/?EIO=4&transport=polling&sid=" + sid))
                .POST(HttpRequest.BodyPublishers.ofString("42[\u0000garbage\n15:00:00.000 ERROR FORGED")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isLessThan(600);
        assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains("\n"));
    }

    @Test
    void manyUnansweredRequestsAtOnceAreAllClosedAndANewClientStillConnects() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("GET /socket.io/?EIO=4&transport=polling&sid=x" + i + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                attackers.add(socket);
            }
            for (Socket socket : attackers) {
                assertThat(readToEnd(socket)).startsWith("HTTP/1.1 400");
            }
        } finally {
            for (Socket socket : attackers) {
                socket.close();
            }
        }
        try (TestClient client = TestClient.connect(Started.socketIoServer(recipe), "/", Transports.WEBSOCKET_ONLY)) {
            assertThat(client.first("message").args()).containsExactly("Hi, from server");
        }
    }

    @Test
    void webSocketCompressionIsOffSoTheFrameLimitHoldsForWhatArrives() throws Exception {
        String answer = rawHead("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("permessage-deflate");
    }

    /** A live polling session that has connected to {@code /}: its next poll is answered at once, with the greeting. */
    private static String pollingHandshake() throws Exception {
        HttpResponse<String> open = http("/socket.io/?EIO=4&transport=polling", null);
        Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
        assertThat(sid.find()).as(open.body()).isTrue();
        HttpResponse<String> connect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/socket.io/?EIO=4&transport=polling&sid=" + sid.group(1)))
                .POST(HttpRequest.BodyPublishers.ofString("40")).timeout(PROMPTLY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(connect.statusCode()).isEqualTo(200);
        return sid.group(1);
    }

    private static HttpResponse<String> http(String path, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PROMPTLY);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes and returns everything the server answered before it closed the connection. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return readToEnd(socket);
        }
    }

    /** Sends raw bytes and returns the answer's head, for an upgrade that stays open. */
    private static String rawHead(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Fails when the server neither answers nor closes within {@link #PROMPTLY}. */
    private static String readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) PROMPTLY.toMillis());
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
