package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wsrecipes.testsupport.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** Listing 8-8's page in headless Chromium: one socket per protocol, replies and updates in its log. */
class PageTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();

    @Test
    void pageShowsARouteAReplyAndAnUpdateFromAnotherSocketAsText() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(router.server().uri().toString());
            chromium.awaitText("log", log -> log.contains("echo-protocol open, negotiated protocol: echo-protocol")
                    && log.contains("update-protocol open, negotiated protocol: update-protocol"));

            chromium.driver().findElement(By.xpath("//button[text()='route_a']")).click();
            chromium.awaitText("log", log -> log.contains(
                    "echo-protocol ← {\"path\":\"route_a\",\"status\":200,\"body\":{\"message\":\"something cool on route a\"}}"));

            try (Peer other = router.open("update-protocol")) {
                other.send("<img src=x onerror=\"document.title='pwned'\">");
                chromium.awaitText("log", log -> log.contains(
                        "update-protocol ← {\"update\":\"<img src=x onerror=\\\"document.title='pwned'\\\">\",\"from\":2}"));
            }
            // The update was shown as text: no element was made of it, no script of it ran.
            assertThat(chromium.driver().findElements(By.cssSelector("#log img"))).isEmpty();
            assertThat(chromium.driver().getTitle()).isEqualTo("Recipe 03 · API router");
            assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Recipe 03 · API router");
        }
    }

    @Test
    void repliesAreColouredByStatus2xxApartFrom4xx() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(router.server().uri().toString());
            chromium.awaitText("log", log -> log.contains("echo-protocol open"));

            chromium.driver().findElement(By.xpath("//button[text()='route_a']")).click();
            chromium.driver().findElement(By.xpath("//button[text()='unknown path (404)']")).click();
            chromium.driver().findElement(By.xpath("//button[text()='route_b delete (405)']")).click();
            chromium.driver().findElement(By.xpath("//button[text()='malformed JSON (400)']")).click();
            chromium.awaitText("log", log -> log.contains("\"status\":400"));

            assertThat(chromium.driver().findElements(By.cssSelector("#log li.received.status-2xx")))
                    .singleElement().satisfies(line -> assertThat(line.getText()).contains("\"status\":200"));
            assertThat(chromium.driver().findElements(By.cssSelector("#log li.received.status-4xx")))
                    .extracting(line -> line.getText().replaceAll(".*\"status\":(\\d+).*", "$1"))
                    .containsExactly("404", "405", "400");
            Object background2xx = chromium.script("return getComputedStyle(document.querySelector('#log .status-2xx')).backgroundColor");
            Object background4xx = chromium.script("return getComputedStyle(document.querySelector('#log .status-4xx')).backgroundColor");
            assertThat(background4xx).isNotEqualTo(background2xx);
        }
    }

    @Test
    void pageSendsAnUpdateThatAnotherSocketReceives() throws Exception {
        try (Chromium chromium = Chromium.start();
             Peer other = router.open("update-protocol")) {
            chromium.open(router.server().uri().toString());
            chromium.awaitText("log", log -> log.contains("update-protocol open"));

            chromium.driver().findElement(By.cssSelector("#update-form button")).click();

            assertThat(other.nextJson().get("update").asText()).isEqualTo("the build is green");
            chromium.awaitText("log", log -> log.contains("update-protocol ← {\"update\":\"the build is green\""));
        }
    }

    @Test
    void pageHasNoHorizontalScrollingAt390PixelsWithALogFullOfLongReplies() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new Dimension(390, 844));
            chromium.open(router.server().uri().toString());
            chromium.awaitText("log", log -> log.contains("update-protocol open"));
            chromium.driver().findElement(By.id("update-text")).clear();
            chromium.driver().findElement(By.id("update-text")).sendKeys("x".repeat(300));
            chromium.driver().findElement(By.cssSelector("#update-form button")).click();
            chromium.driver().findElement(By.xpath("//button[text()='route_b update']")).click();
            chromium.awaitText("log", log -> log.contains("something cool on route b"));

            assertThat(chromium.script("return window.innerWidth")).isEqualTo(390L);
            assertThat((Long) chromium.script("return document.documentElement.scrollWidth"))
                    .as("page width at 390 px").isLessThanOrEqualTo(390L);
        }
    }
}
