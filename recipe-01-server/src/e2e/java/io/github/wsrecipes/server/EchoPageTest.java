package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import io.github.wsrecipes.testsupport.Chromium;

/** The index page in headless Chromium: it connects with echo-protocol and shows the echo. */
class EchoPageTest {

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
    void pageConnectsAndShowsTheEchoOfATypedMessage() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(server.uri().toString());
            chromium.awaitText("log", log -> log.contains("received: 'yo'"));
            assertThat(chromium.awaitText("log", log -> log.contains("open:"))).contains("protocol 'echo-protocol'");

            WebElement input = chromium.driver().findElement(By.id("message"));
            input.clear();
            input.sendKeys("<b>typed in the page</b>");
            chromium.driver().findElement(By.cssSelector("#send-form button[type=submit]")).click();

            chromium.awaitText("log", log -> log.contains("received: '<b>typed in the page</b>'"));
            assertThat(chromium.driver().findElements(By.cssSelector("#log li.received"))).as("echo coloured as received").hasSize(2);
            assertThat(chromium.driver().findElements(By.cssSelector("#log b"))).as("echo shown as text, not HTML").isEmpty();
        }
    }

    @Test
    void thePageHasThePicoLookAndNoHorizontalScrollingAt390PixelsWide() {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new Dimension(390, 844));
            chromium.open(server.uri().toString());
            chromium.awaitText("log", log -> log.contains("received: 'yo'"));

            assertThat(chromium.driver().getTitle()).startsWith("Recipe 01 · ");
            assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).startsWith("Recipe 01 · ");
            assertThat(chromium.script("return getComputedStyle(document.body).fontFamily")).asString()
                    .as("Pico's font stack, not the browser's default serif").doesNotStartWith("\"Times");
            assertThat(chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .as("pixels of horizontal overflow").isEqualTo(0L);
        }
    }

    @Test
    void closeButtonShowsTheCloseCodeAndState() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(server.uri().toString());
            chromium.awaitText("state", state -> state.equals("OPEN"));

            chromium.driver().findElement(By.id("close")).click();

            chromium.awaitText("log", log -> log.contains("close: code 1000"));
            assertThat(chromium.awaitText("state", state -> state.equals("CLOSED"))).isEqualTo("CLOSED");
        }
    }
}
