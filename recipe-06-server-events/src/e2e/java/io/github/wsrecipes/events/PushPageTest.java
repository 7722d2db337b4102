package io.github.wsrecipes.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;

import io.github.wsrecipes.testsupport.Chromium;

/** The page in headless Chromium: the pushes as a live chart and log. */
class PushPageTest {

    private static PushServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PushTest.start("--interval", "200");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theCountRisesWhenASecondPageOpens() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(server.uri().toString());
            chromium.awaitText("clients", count -> count.equals("1"));
            String first = chromium.driver().getWindowHandle();

            chromium.driver().switchTo().newWindow(WindowType.TAB);
            chromium.open(server.uri().toString());
            chromium.awaitText("clients", count -> count.equals("2"));

            chromium.driver().switchTo().window(first);
            assertThat(chromium.awaitText("clients", count -> count.equals("2"))).isEqualTo("2");
            assertThat(chromium.awaitText("log", log -> log.contains("clients=2"))).contains("ping");
            Object plotted = chromium.script("return Chart.getChart('chart').data.datasets[0].data.includes(2)");
            assertThat(plotted).as("the chart has plotted 2 clients").isEqualTo(true);
        }
    }

    @Test
    void atPhoneWidthNothingOverflowsSideways() {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new Dimension(390, 844));
            chromium.open(server.uri().toString());
            chromium.awaitText("log", log -> log.contains("clients="));

            Object overflow = chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("pixels of horizontal overflow").isLessThanOrEqualTo(0);
            Object chartWidth = chromium.script("return document.querySelector('#chart').getBoundingClientRect().width");
            assertThat(((Number) chartWidth).doubleValue()).isBetween(200.0, 390.0);
        }
    }
}
