package io.github.wsrecipes.whiteboard;

import static io.github.wsrecipes.whiteboard.LiveBoard.join;
import static io.github.wsrecipes.whiteboard.LiveBoard.mouse;
import static io.github.wsrecipes.whiteboard.LiveBoard.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import io.github.wsrecipes.testsupport.Chromium;

/** The page in headless Chromium: strokes go from one board to another, each peer with its own pen. */
class WhiteboardPageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    // The colour of one pixel, in the board's own 800×600 coordinates, as [r, g, b, a].
    private static final String PIXEL = """
            const board = document.querySelector('#board');
            const x = Math.round(arguments[0] * board.width / 800), y = Math.round(arguments[1] * board.height / 600);
            return Array.from(board.getContext('2d').getImageData(x, y, 1, 1).data);""";

    private final WebSocketClient client = new WebSocketClient();
    private LiveBoard board; // one per test: a board's history would be replayed into the next test

    @BeforeEach
    void start() throws Exception {
        board = LiveBoard.start("--quiet");
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        board.close();
    }

    @Test
    void aStrokeDrawnOnPageAAppearsOnPageBAndOnlyOnceOnA() {
        try (Chromium a = Chromium.start(); Chromium b = Chromium.start()) {
            openBoard(a);
            openBoard(b);
            await().atMost(PATIENCE).until(() -> "2".equals(text(a, "people")) && "2".equals(text(b, "people")));

            a.driver().findElement(By.cssSelector("#palette [aria-label=red]")).click();
            mouseStroke(a, 200, 150, 300, 150, 400, 150, 500, 150, 600, 150);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(pixel(b, 400, 150)).satisfies(WhiteboardPageTest::red));
            assertThat(pixel(a, 400, 150)).satisfies(WhiteboardPageTest::red);

            // B answers; once its stroke is on A, anything of A's own that came back would be there too.
            b.driver().findElement(By.cssSelector("#palette [aria-label=blue]")).click();
            mouseStroke(b, 200, 300, 400, 300);
            await().atMost(PATIENCE).until(() -> canvasCount(a, "remoteEvents") == canvasCount(b, "sentEvents"));
            assertThat(canvasCount(b, "remoteEvents")).as("B drew each of A's events once").isEqualTo(canvasCount(a, "sentEvents"));
            assertThat(canvasCount(a, "remoteEvents")).as("none of A's own events came back to A").isEqualTo(canvasCount(b, "sentEvents"));
        }
    }

    @Test
    void twoPeersDrawingAtOnceKeepSeparateStrokes() throws Exception {
        try (Chromium page = Chromium.start()) {
            openBoard(page);
            Peer red = join(client, board.uri());
            Peer blue = join(client, board.uri());
            await().atMost(PATIENCE).until(() -> "3".equals(text(page, "people")));

            // Interleaved, as when two people draw at the same moment: red along y=100, blue along y=500.
            String[] types = {"mousedown", "mousemove", "mousemove", "mouseup"};
            for (int step = 0; step < types.length; step++) {
                int x = 100 + 200 * Math.min(step, 2);
                send(red.session, mouse(types[step], red.socketid, "#ff0000", 8, x, 100, step));
                send(blue.session, mouse(types[step], blue.socketid, "#0000ff", 8, x, 500, step));
            }

            await().atMost(PATIENCE).until(() -> canvasCount(page, "remoteEvents") == 8);
            for (int x : new int[] {150, 300, 450}) {
                assertThat(pixel(page, x, 100)).as("red at x=%d", x).satisfies(WhiteboardPageTest::red);
                assertThat(pixel(page, x, 500)).as("blue at x=%d", x).satisfies(WhiteboardPageTest::blue);
            }
            // The listing's shared context joined each peer's new point to the other's last one.
            for (int[] between : new int[][] {{200, 300}, {300, 300}, {400, 300}, {300, 200}, {300, 400}}) {
                assertThat(pixel(page, between[0], between[1])).as("nothing drawn between the strokes at %d,%d", between[0], between[1])
                        .satisfies(WhiteboardPageTest::blank);
            }
        }
    }

    @Test
    void aTouchStrokeIsSentAsTheListingsTouchEventsAndDrawn() throws Exception {
        Peer watcher = join(client, board.uri());
        try (Chromium page = Chromium.start()) {
            openBoard(page);
            ChromeDriver driver = (ChromeDriver) page.driver();
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 1));
            double[] box = canvasBox(page);
            double left = box[0];
            double top = box[1];
            double scale = box[2];
            touch(driver, "touchStart", left + 100 * scale, top + 200 * scale);
            touch(driver, "touchMove", left + 300 * scale, top + 200 * scale);
            touch(driver, "touchMove", left + 500 * scale, top + 200 * scale);
            touch(driver, "touchEnd", 0, 0);

            List<String> events = new ArrayList<>();
            while (events.isEmpty() || !events.get(events.size() - 1).contains("touchend")) {
                events.add(watcher.nextEvent());
            }
            // Chromium rounds touch points to whole CSS pixels: the board's coordinates come within a unit or two.
            assertThat(events.get(0)).matches("\\{\"type\":\"touchstart\",.*\"targetTouches\":\\[\\{\"pageX\":(9[89]|10[012])(\\.\\d)?,.*");
            assertThat(events).anySatisfy(event -> assertThat(event).matches("\\{\"type\":\"touchmove\",.*\"pageX\":(49[89]|50[012])(\\.\\d)?,.*"));
            assertThat(events.get(events.size() - 1)).contains("\"targetTouches\":[]");
            assertThat(pixel(page, 300, 200)).satisfies(WhiteboardPageTest::dark);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListingsOwnPageDrawsWithTheKitsPage() {
        try (Chromium listing = Chromium.start(); Chromium kit = Chromium.start()) {
            listing.open(board.uri().resolve("original.html").toString());
            openBoard(kit);
            await().atMost(PATIENCE).until(() -> "2".equals(text(kit, "people")));

            // The listing's page: its canvas sits at the page's top left, so pageX/pageY are board coordinates.
            listing.script("document.querySelector('#color').value = '#ff0000';");
            Actions actions = new Actions(listing.driver()).moveToLocation(200, 150).clickAndHold();
            for (int x = 250; x <= 600; x += 50) {
                actions.moveToLocation(x, 150);
            }
            actions.release().perform();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(pixel(kit, 400, 150)).satisfies(WhiteboardPageTest::red));

            kit.driver().findElement(By.cssSelector("#palette [aria-label=blue]")).click();
            mouseStroke(kit, 200, 400, 400, 400, 600, 400);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat((List<Long>) listing.script(
                    "return Array.from(document.querySelector('#canvas').getContext('2d').getImageData(300, 400, 1, 1).data);"))
                    .satisfies(WhiteboardPageTest::blue));
        }
    }

    @Test
    void thePageFitsA390PixelScreen() {
        try (Chromium page = Chromium.start()) {
            page.driver().manage().window().setSize(new Dimension(390, 844));
            openBoard(page);
            Number overflow = (Number) page.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            Number canvasWidth = (Number) page.script("return document.querySelector('#board').getBoundingClientRect().width;");
            assertThat(canvasWidth.doubleValue()).isBetween(200.0, 390.0);
        }
    }

    private void openBoard(Chromium chromium) {
        chromium.open(board.uri().toString());
        chromium.awaitText("state", "OPEN"::equals);
        chromium.awaitText("me", me -> me.startsWith("socketid_"));
    }

    /** A mouse stroke through these points, in the board's 800×600 coordinates. */
    private static void mouseStroke(Chromium chromium, int... xy) {
        double[] box = canvasBox(chromium);
        Actions actions = new Actions(chromium.driver());
        for (int i = 0; i < xy.length; i += 2) {
            actions.moveToLocation((int) Math.round(box[0] + xy[i] * box[2]), (int) Math.round(box[1] + xy[i + 1] * box[2]));
            if (i == 0) {
                actions.clickAndHold();
            }
        }
        actions.release().perform();
    }

    /** The canvas scrolled to the top of the window: its left, top (in CSS pixels) and CSS pixels per board unit. */
    @SuppressWarnings("unchecked")
    private static double[] canvasBox(Chromium chromium) {
        List<Number> box = (List<Number>) chromium.script("""
                const board = document.querySelector('#board');
                board.scrollIntoView({block: 'start', behavior: 'instant'}); // Pico scrolls smoothly otherwise
                const r = board.getBoundingClientRect();
                return [r.x, r.y, r.width / 800];""");
        return new double[] {box.get(0).doubleValue(), box.get(1).doubleValue(), box.get(2).doubleValue()};
    }

    private static void touch(ChromeDriver driver, String type, double x, double y) {
        List<Map<String, Object>> points = type.equals("touchEnd") ? List.of() : List.of(Map.of("x", x, "y", y));
        driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", points));
    }

    private static String text(Chromium chromium, String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    private static long canvasCount(Chromium chromium, String name) {
        return Long.parseLong(chromium.driver().findElement(By.id("board")).getDomAttribute("data-" + kebab(name)));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> pixel(Chromium chromium, int x, int y) {
        return (List<Long>) chromium.script(PIXEL, x, y);
    }

    private static void red(List<? extends Long> rgba) {
        assertThat(rgba.get(0)).isGreaterThan(180);
        assertThat(rgba.get(1)).isLessThan(120);
        assertThat(rgba.get(2)).isLessThan(120);
        assertThat(rgba.get(3)).isGreaterThan(200);
    }

    private static void blue(List<? extends Long> rgba) {
        assertThat(rgba.get(0)).isLessThan(120);
        assertThat(rgba.get(2)).isGreaterThan(180);
        assertThat(rgba.get(3)).isGreaterThan(200);
    }

    private static void dark(List<? extends Long> rgba) {
        assertThat(rgba.get(0) + rgba.get(1) + rgba.get(2)).isLessThan(200);
        assertThat(rgba.get(3)).isGreaterThan(200);
    }

    private static void blank(List<? extends Long> rgba) {
        assertThat(rgba.get(3)).as("alpha").isZero();
    }
}
