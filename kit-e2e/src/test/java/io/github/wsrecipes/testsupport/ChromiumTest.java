package io.github.wsrecipes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChromiumTest {

    @Test
    void rendersAPageAndReadsAnElementsText() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open("data:text/html,<p id=greeting>hello</p><script>"
                    + "setTimeout(() => greeting.textContent += ' world', 50)</script>");

            String text = chromium.awaitText("greeting", t -> t.endsWith("world"));

            assertThat(text).isEqualTo("hello world");
        }
    }
}
