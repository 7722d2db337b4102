package io.github.wsrecipes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

import io.github.wsrecipes.testsupport.Chromium;

/** The page in headless Chromium: each member of the browser's WebSocket as the page shows it. */
class BrowserApiPageTest {

    /** The source canvas's pixels, as getImageData returns them: the bytes the page sends. */
    private static final String SOURCE_PIXELS = """
            const canvas = document.getElementById(arguments[0]);
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let text = '';
            for (const b of pixels) text += String.fromCharCode(b);
            return btoa(text);""";

    private static BrowserEchoServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Options options = new Options();
        options.parse("--port", "0", "--quiet");
        server = new BrowserEchoServer(options);
        server.start();
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            server.stop();
        }
    }

    /** A fresh page, and so a fresh socket, for every test. */
    @BeforeEach
    void openPage() {
        chromium.open(server.uri().toString());
        chromium.awaitText("state", "OPEN"::equals);
    }

    @Test
    void readyStateGoesConnectingOpenClosingClosedInOrder() {
        assertThat(text("states")).isEqualTo("CONNECTING → OPEN");
        assertThat(text("state-name")).isEqualTo("1 · WebSocket.OPEN");

        closeWith("1000", "done");

        assertThat(chromium.awaitText("states", s -> s.endsWith("CLOSED"))).isEqualTo("CONNECTING → OPEN → CLOSING → CLOSED");
        assertThat(text("state-name")).isEqualTo("3 · WebSocket.CLOSED");
    }

    @Test
    void membersShowTheUrlAndTheAcceptedProtocol() {
        assertThat(text("url")).isEqualTo("ws://localhost:" + server.uri().getPort() + "/");
        assertThat(text("protocol")).isEqualTo("echo-protocol");
        assertThat(text("binary-type")).isEqualTo("blob");
    }

    @Test
    void textComesBackAsTextThroughBothHandlers() {
        WebElement input = chromium.driver().findElement(By.id("text"));
        input.clear();
        input.sendKeys("<b>bold?</b> héllo");
        chromium.driver().findElement(By.cssSelector("#text-form button[type=submit]")).click();

        String log = chromium.awaitText("log", l -> l.contains("onmessage: text '<b>bold?</b> héllo'"));
        assertThat(log).contains("addEventListener('message'): this listener got the same string");
        assertThat(chromium.driver().findElements(By.cssSelector("#log b"))).as("the echo is shown as text, not HTML").isEmpty();
    }

    @Test
    void jsonComesBackWithTheSameTypeTextAndId() {
        click("send-json");
        click("send-json");

        String log = chromium.awaitText("log", l -> l.contains("id: 2, date:"));
        assertThat(log).contains("onmessage: JSON {type: 'message', text: 'Hello from the page', id: 1, date: ");
    }

    @Test
    void a64KiBArrayBufferComesBackWithTheSameBytes() throws Exception {
        choose("arraybuffer");
        byte[] sent = Base64.getDecoder().decode((String) chromium.script(SOURCE_PIXELS, "source"));
        assertThat(sent).hasSize(64 * 1024);

        click("send-canvas");

        chromium.awaitText("reply-sha256", sha256(sent)::equals);
        assertThat(text("reply-type")).isEqualTo("ArrayBuffer");
        assertThat(text("reply-bytes")).isEqualTo("65536");
        assertThat(chromium.script(SOURCE_PIXELS, "echo")).as("the reply drawn on the second canvas").isEqualTo(chromium.script(SOURCE_PIXELS, "source"));
    }

    @Test
    void aFileComesBackAsABlobWithTheSameBytes(@TempDir Path folder) throws Exception {
        byte[] bytes = new byte[100_000];
        new Random(5).nextBytes(bytes);
        Path file = Files.write(folder.resolve("random.bin"), bytes);

        chromium.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click("send-file");

        chromium.awaitText("reply-sha256", sha256(bytes)::equals);
        assertThat(text("reply-type")).isEqualTo("Blob");
        assertThat(text("reply-bytes")).isEqualTo("100000");
    }

    @Test
    void switchingBinaryTypeChangesWhatABinaryReplyArrivesAs() {
        click("send-canvas");
        chromium.awaitText("reply-type", "Blob"::equals);

        choose("arraybuffer");
        assertThat(text("binary-type")).isEqualTo("arraybuffer");
        click("send-canvas");

        chromium.awaitText("reply-type", "ArrayBuffer"::equals);
        choose("blob");
        click("send-canvas");
        chromium.awaitText("reply-type", "Blob"::equals);
    }

    @Test
    void bufferedAmountRisesDuringThe8MiBSendAndDrainsToZero() {
        click("send-large");

        chromium.awaitText("buffered-status", s -> s.startsWith("drained"));
        assertThat(Long.parseLong(text("buffered-peak"))).isGreaterThan(0).isLessThanOrEqualTo(8 * 1024 * 1024);
        assertThat(text("buffered-amount")).isEqualTo("0");
        chromium.awaitText("reply-bytes", "8388608"::equals);
    }

    @Test
    void closingWith4000ByeShowsTheCodeTheReasonAndACleanClose() {
        closeWith("4000", "bye");

        assertThat(chromium.awaitText("closed-code", "4000"::equals)).isEqualTo("4000");
        assertThat(text("closed-reason")).isEqualTo("bye");
        assertThat(text("closed-clean")).isEqualTo("true");
        assertThat(chromium.driver().findElement(By.id("gone")).isDisplayed()).as("no reconnect offer after a clean close").isFalse();
    }

    @Test
    void aCodeThePageMayNotUseIsRefusedAndTheSocketStaysOpen() {
        closeWith("1001", "going");

        chromium.awaitText("log", l -> l.contains("not closed: 1001 is not 1000 or 4000–4999"));
        assertThat(text("state")).isEqualTo("OPEN");
    }

    @Test
    void nothingIsWiderThanA390PixelScreen() {
        ChromiumDriver driver = (ChromiumDriver) chromium.driver();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            openPage();

            assertThat(((Number) chromium.script("return document.documentElement.clientWidth;")).intValue()).isEqualTo(390);
            Object overflow = chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("pixels of horizontal overflow at 390 px").isZero();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void closeWith(String code, String reason) {
        WebElement codeInput = chromium.driver().findElement(By.id("close-code"));
        codeInput.clear();
        codeInput.sendKeys(code);
        WebElement reasonInput = chromium.driver().findElement(By.id("close-reason"));
        reasonInput.clear();
        reasonInput.sendKeys(reason);
        chromium.driver().findElement(By.cssSelector("#close-form button[type=submit]")).click();
    }

    private void choose(String binaryType) {
        chromium.driver().findElement(By.cssSelector("input[name=binary-type][value=" + binaryType + "]")).click();
    }

    private void click(String id) {
        chromium.driver().findElement(By.id(id)).click();
    }

    private String text(String id) {
        return chromium.driver().findElement(By.id(id)).getText();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
