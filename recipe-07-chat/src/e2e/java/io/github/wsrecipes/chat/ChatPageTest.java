package io.github.wsrecipes.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import io.github.wsrecipes.testsupport.Chromium;

/** The chat page in headless Chromium: two pages chatting, peer text shown as text, usable on a phone. */
class ChatPageTest {

    private ChatServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestClient.startServer();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void twoPagesChatWithNamesTimesMembersAndTheTypingLine() {
        try (Chromium ada = Chromium.start(); Chromium bob = Chromium.start()) {
            join(ada, "ada");
            join(bob, "bob");
            ada.awaitText("log", text -> text.contains("bob joined"));
            assertThat(ada.awaitText("online", text -> text.equals("2 online"))).isEqualTo("2 online");
            assertThat(ada.driver().findElement(By.id("members")).getText()).isEqualTo("ada, bob");

            ada.driver().findElement(By.id("message")).sendKeys("hi");
            bob.awaitText("typing", text -> text.equals("ada is typing…"));
            ada.driver().findElement(By.id("message")).sendKeys(" bob", Keys.ENTER);

            String line = bob.awaitText("log", text -> text.contains("ada: hi bob"));
            assertThat(line).containsPattern("\\d{1,2}:\\d\\d:\\d\\d.*ada: hi bob");
            ada.awaitText("log", text -> text.contains("ada: hi bob")); // the sender's own line, shown at once
            bob.awaitText("typing", String::isBlank);
        }
    }

    @Test
    void scriptInAMessageOrANameIsShownAsTextAndRunsNothing() {
        List<String> attacks = List.of("<img src=x onerror=alert(1)>", "</li><script>alert(2)</script><li>");
        try (Chromium mallory = Chromium.start(); Chromium victim = Chromium.start()) {
            join(victim, "victim");
            victim.script("window.alerted = false; window.alert = () => { window.alerted = true; };");
            join(mallory, "<b onmouseover=alert(3)>mal</b>");
            for (String attack : attacks) {
                mallory.driver().findElement(By.id("message")).sendKeys(attack, Keys.ENTER);
            }

            String log = victim.awaitText("log", text -> attacks.stream().allMatch(text::contains));
            assertThat(log).contains("<b onmouseover=alert(3)>mal</b>: <img src=x onerror=alert(1)>");
            assertThat(victim.driver().findElements(By.cssSelector("#log img, #log script, #log b"))).isEmpty();
            assertThat(victim.script("return window.alerted")).isEqualTo(false);
            assertThat(victim.script("return document.querySelectorAll('#log li').length")).isEqualTo(4L); // you are…, joined, 2 messages
        }
    }

    @Test
    void nothingOverflowsA390PixelWideScreen() {
        try (Chromium phone = Chromium.start(); Chromium other = Chromium.start()) {
            phone.driver().manage().window().setSize(new Dimension(390, 844));
            join(phone, "p".repeat(32));
            join(other, "o".repeat(32));
            other.driver().findElement(By.id("message")).sendKeys("w".repeat(300), Keys.ENTER);
            phone.awaitText("log", text -> text.contains("w".repeat(50)));

            Object overflow = phone.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).isEqualTo(0L);
        }
    }

    private void join(Chromium page, String name) {
        page.open(server.uri().toString());
        page.driver().findElement(By.id("name")).sendKeys(name, Keys.ENTER);
        page.awaitText("log", text -> text.contains("you are "));
    }
}
