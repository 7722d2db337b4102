package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import io.github.wsrecipes.testsupport.Chromium;
import io.github.wsrecipes.testsupport.Nginx;
import io.github.wsrecipes.testsupport.RedisServer;
import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Two chat nodes over one Redis behind nginx, with the configuration documented in
 * docs/scale-out/nginx.conf (only its port numbers replaced by this test's): clients that land on
 * different nodes chat with each other, over WebSocket, and over polling thanks to the sticky cookie.
 */
class ScaleOutNginxTest {

    /** The documented configuration, as a learner copies it. */
    static final Path CONFIG = findUp(Path.of("docs", "scale-out", "nginx.conf"));

    private RedisServer redis;
    private ChatServer node1;
    private ChatServer node2;
    private Nginx nginx;
    private int front; // nginx's port, chosen first: the nodes allow its origin

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        front = Nginx.freePort();
        node1 = node();
        node2 = node();
    }

    private ChatServer node() throws Exception {
        // The page is loaded from nginx's origin, which is none of the kit's own ports.
        return TestClient.startServer("--redis", redis.uri().toString(), "--quiet",
                "--allowed-origin", "http://127.0.0.1:" + front, "--allowed-origin", "http://localhost:" + front);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {nginx, node1 == null ? null : node1::stop, node2 == null ? null : node2::stop, redis}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void webSocketClientsLandOnDifferentNodesThroughNginxAndChat() throws Exception {
        nginx = Nginx.start(front, this::documentedConfig);
        try (TestClient ada = TestClient.join(socketIo(), "ada"); TestClient bob = TestClient.join(socketIo(), "bob")) {
            assertOnePerNode();
            chat(ada, bob);
        }
    }

    @Test
    void pollingClientsKeepTheirNodeByTheCookieLandOnDifferentNodesAndChat() throws Exception {
        nginx = Nginx.start(front, this::documentedConfig);
        Jar adaCookies = new Jar();
        Jar bobCookies = new Jar();
        try (TestClient ada = joinPolling("ada", adaCookies); TestClient bob = joinPolling("bob", bobCookies)) {
            assertOnePerNode();
            assertThat(List.of(adaCookies.get("chat_node"), bobCookies.get("chat_node")))
                    .as("each client's cookie names the node that answered it").containsExactlyInAnyOrder("node1", "node2");
            chat(ada, bob);
            assertThat(ada.socket().connected() && bob.socket().connected()).as("both still connected after the exchange").isTrue();
        }
    }

    @Test
    void aCookieNamingADeadNodeFailsOverToTheLivingNodeAndIsRenamed() {
        nginx = Nginx.start(front, this::documentedConfig);
        node1.stop();
        node1 = null;
        Jar cookies = new Jar("node1");
        try (TestClient ada = joinPolling("ada", cookies)) {
            assertThat(node2.clients()).isEqualTo(1);
            assertThat(cookies.get("chat_node")).as("the cookie now names the node that answered").isEqualTo("node2");
        }
    }

    @Test
    void aForgedCookieGetsRoundRobinAndNeverPicksAnAddress() {
        nginx = Nginx.start(front, this::documentedConfig);
        Jar cookies = new Jar("127.0.0.1:" + redis.port());
        try (TestClient mallory = joinPolling("mallory", cookies)) {
            assertThat(node1.clients() + node2.clients()).isEqualTo(1);
            assertThat(cookies.get("chat_node")).isIn("node1", "node2");
        }
    }

    @Test
    void withoutTheStickyRuleAPollingClientCannotStayConnected() {
        // The lesson: round robin alone sends a polling session's requests to both nodes in turn.
        nginx = Nginx.start(front, port -> documentedConfig(port)
                .replace("proxy_pass http://$chat_socketio;", "proxy_pass http://chat_nodes;"));
        try (TestClient lost = TestClient.open(socketIo(), polling(new Jar()))) {
            TestClient.Event failure = await().atMost(Duration.ofSeconds(30))
                    .until(() -> lost.events().stream().filter(event -> event.name().equals(Socket.EVENT_CONNECT_ERROR)
                            || event.name().equals(Socket.EVENT_DISCONNECT)).findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertThat(failure.name()).isIn(Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT);
            assertThat(lost.socket().connected()).isFalse();
        }
    }

    @Test
    void thePageAndItsAddressComeThroughNginxOnOneOrigin() throws Exception {
        nginx = Nginx.start(front, this::documentedConfig);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(nginx.uri()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> address = http.send(HttpRequest.newBuilder(nginx.uri().resolve("/socket-io.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Recipe 07");
        assertThat(address.body()).as("no port: the page connects to its own origin").isEqualTo("{\"path\":\"/socket.io\"}");
    }

    @Test
    void aPageThroughNginxChatsWithAPageOnTheOtherNode() {
        nginx = Nginx.start(front, this::documentedConfig);
        try (Chromium ada = Chromium.start(); Chromium bob = Chromium.start()) {
            join(ada, nginx.uri(), "ada");
            await().atMost(Duration.ofSeconds(10)).until(() -> node1.clients() + node2.clients() == 1);
            ChatServer other = node1.clients() == 1 ? node2 : node1;
            join(bob, other.uri(), "bob"); // straight to the other node's own page, past nginx
            assertThat(List.of(node1.clients(), node2.clients())).containsExactly(1, 1);

            ada.awaitText("log", text -> text.contains("bob joined"));
            ada.driver().findElement(By.id("message")).sendKeys("hello from behind nginx", Keys.ENTER);
            bob.awaitText("log", text -> text.contains("ada: hello from behind nginx"));
            bob.driver().findElement(By.id("message")).sendKeys("hello from the other node", Keys.ENTER);
            ada.awaitText("log", text -> text.contains("bob: hello from the other node"));
        }
    }

    private static void join(Chromium page, URI uri, String name) {
        page.open(uri.toString());
        page.driver().findElement(By.id("name")).sendKeys(name, Keys.ENTER);
        page.awaitText("log", text -> text.contains("you are "));
    }

    /** The documented file with the test's ports for the documented ones, and nothing else changed. */
    String documentedConfig(int front) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("8070", front);
        ports.put("8071", node1.port());
        ports.put("8072", node2.port());
        ports.put("3071", node1.socketIoUri().getPort());
        ports.put("3072", node2.socketIoUri().getPort());
        String config = read(CONFIG);
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            assertThat(config).as("the documented port " + port.getKey()).containsPattern("\\b" + port.getKey() + "\\b");
            config = config.replaceAll("\\b" + port.getKey() + "\\b", String.valueOf(port.getValue()));
        }
        return config;
    }

    private URI socketIo() {
        return nginx.uri().resolve("/socket.io");
    }

    private void assertOnePerNode() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(List.of(node1.clients(), node2.clients())).as("clients on node 1, node 2").containsExactly(1, 1));
    }

    /** Joined, the shared member list, and a message each way: across the two nodes, through Redis. */
    private static void chat(TestClient ada, TestClient bob) throws Exception {
        assertThat(bob.first("members").data()).containsEntry("members", List.of("ada", "bob"));
        assertThat(ada.first("joined").data()).containsEntry("name", "bob");
        ada.say("hello bob");
        assertThat(bob.first("message").data()).containsEntry("name", "ada").containsEntry("message", "hello bob");
        bob.say("hi ada");
        assertThat(ada.first("message").data()).containsEntry("name", "bob").containsEntry("message", "hi ada");
    }

    private TestClient joinPolling(String name, Jar cookies) {
        TestClient client = TestClient.open(socketIo(), polling(cookies));
        client.first(Socket.EVENT_CONNECT);
        client.emit("joined", Map.of("name", name));
        client.first("members");
        return client;
    }

    /** Polling only, never upgraded, through an HTTP client that keeps cookies as a browser does. */
    private static IO.Options polling(Jar cookies) {
        OkHttpClient http = new OkHttpClient.Builder().cookieJar(cookies).build();
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(new String[] {"polling"}).setUpgrade(false).build();
        options.callFactory = http;
        options.webSocketFactory = http;
        return options;
    }

    /** One client's cookies. */
    static final class Jar implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        Jar() {
        }

        /** A jar that already holds a {@code chat_node} cookie, from an earlier visit or forged. */
        Jar(String node) {
            cookies.add(new Cookie.Builder().name("chat_node").value(node).hostOnlyDomain("127.0.0.1").path("/socket.io/").build());
        }

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            received.forEach(cookie -> cookies.removeIf(old -> old.name().equals(cookie.name())));
            cookies.addAll(received);
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(cookie -> cookie.matches(url)).toList();
        }

        synchronized String get(String name) {
            return cookies.stream().filter(cookie -> cookie.name().equals(name)).map(Cookie::value).findFirst().orElse(null);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's file, from whichever module folder the tests run in. */
    private static Path findUp(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
