package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wsrecipes.testsupport.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** Listing 8-8's page in headless Chromium: one socket per protocol, replies and updates in its log. */
class PageTest {

    @RegisterExtension
    final LiveRouter router = new LiveRouter();

    @Test
    void pageShowsARouteAReplyAndAnUpdateFromAnotherSocket() throws Exception {
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
}
