package io.github.wsrecipes.classmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Class mode over real sockets: every recipe up, the landing page, its QR codes, counts, one stop. */
class ClassModeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ClassMode kit;

    static ClassMode start(String... args) throws Exception {
        Options options = new Options();
        assertThat(options.parse(args)).isEmpty();
        ClassMode kit = new ClassMode(options);
        kit.start();
        return kit;
    }

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.stop();
        }
    }

    @Test
    void startsEveryRecipeAndTheLandingPageLinksEachOneThatAnswers() throws Exception {
        kit = start("--port", "0", "--any-ports");

        String page = get(kit.uri()).body();

        assertThat(kit.cards()).hasSameSizeAs(Recipes.ALL).allMatch(Card::up);
        for (Card card : kit.cards()) {
            assertThat(page).contains("data-module=\"" + card.recipe().module() + "\"", "href=\"" + card.localLink() + "\"");
            assertThat(get(URI.create(card.localLink())).statusCode()).as(card.localLink()).isEqualTo(200);
        }
    }

    @Test
    void eachQrCodeDecodesToItsLink() throws Exception {
        kit = start("--port", "0", "--any-ports");

        Matcher figures = Pattern.compile("<figure class=\"qr\">(<svg.*?</svg>)<figcaption>([^<]+)</figcaption>").matcher(get(kit.uri()).body());
        int decoded = 0;
        while (figures.find()) {
            assertThat(decode(figures.group(1))).isEqualTo(figures.group(2));
            decoded++;
        }
        assertThat(decoded).isEqualTo(Recipes.ALL.size());
    }

    @Test
    void theClientCountFollowsAConnectingClient() throws Exception {
        kit = start("--port", "0", "--any-ports");
        Card browser = kit.cards().stream().filter(card -> card.recipe().module().equals("recipe-05-browser")).findFirst().orElseThrow();
        URI status = kit.uri().resolve("/status.json");
        assertThat(get(status).body()).contains("{\"module\":\"recipe-05-browser\",\"up\":true,\"clients\":0}");

        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create(browser.localLink().replaceFirst("^http", "ws")));
            request.setSubProtocols("echo-protocol");
            Session session = client.connect(new Peer(), request).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get(status).body()).contains("{\"module\":\"recipe-05-browser\",\"up\":true,\"clients\":1}"));
            session.close();
        } finally {
            client.stop();
        }
    }

    @Test
    void oneStopClosesEveryRecipesClientsWith1001() throws Exception {
        kit = start("--port", "0", "--any-ports");
        // Each plain-WebSocket recipe, with the subprotocol it accepts.
        Map<String, String> protocols = Map.of("recipe-01-server", "echo-protocol", "recipe-03-api-router", "echo-protocol",
                "recipe-05-browser", "echo-protocol", "recipe-06-server-events", "echo-protocol", "recipe-08-whiteboard", "draw-protocol");
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            Map<String, Peer> peers = new TreeMap<>();
            for (Card card : kit.cards()) {
                String protocol = protocols.get(card.recipe().module());
                if (protocol != null) {
                    ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create(card.localLink().replaceFirst("^http", "ws")));
                    request.setSubProtocols(protocol);
                    Peer peer = new Peer();
                    client.connect(peer, request).get(20, TimeUnit.SECONDS);
                    peers.put(card.recipe().module(), peer);
                    await().atMost(Duration.ofSeconds(10)).until(() -> card.clients() == 1); // the recipe holds it too
                }
            }
            assertThat(peers).hasSize(protocols.size());

            kit.stop();

            for (Map.Entry<String, Peer> peer : peers.entrySet()) {
                assertThat(peer.getValue().closed.get(20, TimeUnit.SECONDS)).as(peer.getKey()).isEqualTo("1001 server is shutting down");
            }
        } finally {
            client.stop();
        }
    }

    @Test
    void aRecipeWhosePortIsTakenIsReportedAndTheOthersStart() throws Exception {
        Card first;
        try (ServerSocket taken = new ServerSocket(Recipes.ALL.get(0).defaultPort(), 50, InetAddress.getLoopbackAddress())) {
            kit = start("--port", "0");
            first = kit.cards().get(0);
            assertThat(first.up()).isFalse();
            assertThat(first.whyDown()).contains("cannot listen on port " + Recipes.ALL.get(0).defaultPort());
            assertThat(get(kit.uri()).body()).contains("Down: cannot listen on port " + Recipes.ALL.get(0).defaultPort());
        }
        assertThat(kit.cards().subList(1, kit.cards().size())).allMatch(Card::up);
    }

    /** A WebSocket client that remembers how it was closed (Jetty needs a public class). */
    public static final class Peer extends Session.Listener.AbstractAutoDemanding {
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closed.complete(statusCode + " " + reason);
            callback.succeed();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Rasterises the SVG's unit squares (4 px each) and reads them back with the same library. */
    static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        // A drawn, perfectly aligned code: zxing's finder-pattern search misses about 1 link in 500
        // (e.g. http://192.168.1.20:31960/) that it reads at once when told the image is pure.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }
}
