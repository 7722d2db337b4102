package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import io.github.wsrecipes.testsupport.Chromium;

/** The browser client page (listing 8-3), served by {@link PageServer}, in headless Chromium. */
class ClientPageTest {

    private EchoServerForTests echo;
    private PageServer pages;

    @BeforeEach
    void startServers() throws Exception {
        echo = EchoServerForTests.start();
        Options options = new Options();
        assertThat(options.parse("--host", "127.0.0.1", "--port", "0")).isEmpty();
        pages = new PageServer(options);
        pages.start();
    }

    @AfterEach
    void stopServers() throws Exception {
        pages.stop();
        echo.close();
    }

    @Test
    void pageConnectsShowsTheGreetingAndAnswersItExactlyOnce() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(pageFor(echo.uri().toString(), "echo-protocol"));

            chromium.awaitText("log", log -> log.contains("message: yo") && log.contains("message: {\"status\":\"ok\"}"));
            // Closing from the page flushes everything it sent before: the server has seen it all.
            chromium.driver().findElement(By.id("close")).click();
            chromium.awaitText("log", log -> log.contains("close: 1000 bye from the page"));
        }

        await().untilAsserted(() -> assertThat(echo.closeCodes()).containsExactly(1000));
        assertThat(echo.texts()).containsExactly("{\"status\":\"ok\"}");
    }

    @Test
    void pageShowsOpenWithTheNegotiatedProtocol() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(pageFor(echo.uri().toString(), "echo-protocol"));

            chromium.awaitText("log", log -> log.contains("open: " + echo.uri() + " with protocol 'echo-protocol'"));
        }
    }

    @Test
    void connectingAgainLeavesTheNewConnectionDisconnectable() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(pageFor(echo.uri().toString(), "echo-protocol"));
            chromium.awaitText("log", log -> log.contains("open:"));

            chromium.driver().findElement(By.id("open")).click();

            // The old socket's close and the new one's open may come in either order.
            chromium.awaitText("log", log -> log.contains("close: 1000 reconnecting")
                    && log.indexOf("open:") != log.lastIndexOf("open:"));
            assertThat(chromium.driver().findElement(By.id("close")).isEnabled()).isTrue();
        }
    }

    @Test
    void aProtocolTheServerRefusesShowsAnErrorAndTheClose() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(pageFor(echo.uri().toString(), "chat"));

            String log = chromium.awaitText("log", text -> text.contains("close: 1006"));
            assertThat(log).contains("error: the connection to " + echo.uri() + " failed: is the server running,"
                    + " and does it accept this page's origin " + pageOrigin() + " and protocol 'chat'?")
                    .doesNotContain("open:");
        }
        assertThat(echo.texts()).isEmpty();
    }

    @Test
    void withoutParametersThePageAimsAtRecipe01OnItsOwnHost() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(pages.uri().toString());

            // Whatever listens on this machine's 8081 (maybe nothing) does not matter here: only
            // where the page aims. Selenium's open returns after the load event, after app.js ran.
            assertThat(chromium.script("return document.getElementById('url').value"))
                    .isEqualTo("ws://127.0.0.1:8081/");
            assertThat(chromium.script("return document.getElementById('protocol').value"))
                    .isEqualTo("echo-protocol");
        }
    }

    @Test
    void whatThePeerSendsIsShownAsTextAndNeverRuns() throws Exception {
        String script = "<img src=x onerror=\"document.title='pwned'\">";
        try (EchoServerForTests hostile = EchoServerForTests.startGreeting(script);
                Chromium chromium = Chromium.start()) {
            chromium.open(pageFor(hostile.uri().toString(), "echo-protocol"));

            chromium.awaitText("log", log -> log.contains("message: " + script));
            assertThat(chromium.script("return document.querySelectorAll('#log img').length")).isEqualTo(0L);
            assertThat(chromium.driver().getTitle()).isNotEqualTo("pwned");
        }
    }

    @Test
    void atPhoneWidthThePageNeedsNoHorizontalScrollingAndKeepsThePicoLook() {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new Dimension(390, 844));
            chromium.open(pageFor(echo.uri().toString(), "echo-protocol"));
            chromium.awaitText("log", log -> log.contains("message: yo"));

            long viewport = (Long) chromium.script("return document.documentElement.clientWidth");
            assertThat(viewport).isBetween(360L, 390L); // the window's width, less a scroll bar if any
            assertThat(chromium.script("return document.documentElement.scrollWidth")).isEqualTo(viewport);
            assertThat(chromium.driver().getTitle()).startsWith("Recipe 02 · ");
            assertThat(chromium.script("return getComputedStyle(document.body).getPropertyValue('--pico-font-family').length > 0"))
                    .isEqualTo(true);
            assertThat(chromium.script("return document.querySelector('#log li.received time') !== null")).isEqualTo(true);
        }
    }

    @Test
    void aMissingFileIsA404() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(pages.uri().resolve("/no-such-page.html")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private String pageOrigin() {
        URI page = pages.uri();
        return page.getScheme() + "://" + page.getAuthority();
    }

    private String pageFor(String url, String protocol) {
        URI page = pages.uri();
        return page + "?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)
                + "&protocol=" + URLEncoder.encode(protocol, StandardCharsets.UTF_8);
    }
}
