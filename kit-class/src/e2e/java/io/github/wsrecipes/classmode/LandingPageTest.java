package io.github.wsrecipes.classmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import io.github.wsrecipes.testsupport.Chromium;

/** The landing page in headless Chromium, on a projector and on a phone. */
class LandingPageTest {

    private ClassMode kit;

    @BeforeEach
    void start() throws Exception {
        kit = ClassModeTest.start("--port", "0", "--any-ports");
    }

    @AfterEach
    void stop() {
        kit.stop();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void everyCardFitsWithoutHorizontalScrolling(int width) throws Exception {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new Dimension(width, 900));
            chromium.open(kit.uri().toString());

            Object cards = chromium.script("return document.querySelectorAll('article.card').length");
            Object overflow = chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Path shot = Path.of("target", "screenshots", "kit-class-" + width + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) chromium.driver()).getScreenshotAs(OutputType.BYTES));

            assertThat(((Number) cards).intValue()).isEqualTo(Recipes.ALL.size());
            assertThat(((Number) overflow).intValue()).as("horizontal overflow in px, screenshot %s", shot).isLessThanOrEqualTo(0);
        }
    }
}
