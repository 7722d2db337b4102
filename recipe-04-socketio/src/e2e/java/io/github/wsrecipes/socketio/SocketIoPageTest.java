package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.github.wsrecipes.socketio.TestClient.Transports;
import io.github.wsrecipes.testsupport.Chromium;

/** The chapter's page in headless Chromium, on the chapter's /websocket path, with the token in the page's URL. */
class SocketIoPageTest {

    private static SocketIoRecipe recipe;
    private static String base;
    private static String page;

    @BeforeAll
    static void start() throws Exception {
        recipe = Started.recipe("--port", "0", "--socketio-port", "0", "--path", "/websocket", "--token", "s3cret");
        base = "http://localhost:" + recipe.uri().getPort() + "/";
        page = base + "?token=s3cret";
    }

    @AfterAll
    static void stop() {
        recipe.stop();
    }

    @Test
    void eachNamespaceColumnShowsItsGreetingAndBothCustomEventArguments() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(page);

            chromium.awaitText("log-default", text -> text.contains("message: Hi, from server")
                    && text.contains("custom-event: parameter1 parameter2")
                    && text.contains("news: {\"hello\":\"world\"}"));
            chromium.awaitText("log-custom", text -> text.contains("message: Hi, from custom-namespace")
                    && text.contains("custom-event: parameter1 parameter2"));
            chromium.awaitText("log-users", text -> text.contains("user message: {") && text.contains("users message: {"));
        }
    }

    @Test
    void theServerGetsThePagesEventsWithTheirArguments() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(page);

            chromium.awaitText("log-default", text -> text.contains("server got message: Hi, from the page")
                    && text.contains("server got custom-event: parameter1 parameter2")
                    && text.contains("server got my other event: {\"my\":\"data\"}"));
            chromium.awaitText("log-custom", text -> text.contains("server got custom-event: parameter1 parameter2"));
        }
    }

    @Test
    void helloMessageFromThePageReachesAJavaClientAsHelloServer() throws Exception {
        String server = Started.socketIoServer(recipe);
        try (Chromium chromium = Chromium.start();
             TestClient javaClient = TestClient.open(server, "/", Transports.WEBSOCKET_ONLY, options -> {
                 options.path = "/websocket";
                 options.query = "token=s3cret";
             })) {
            javaClient.first("message");
            chromium.open(page);
            chromium.awaitText("log-default", text -> text.contains("message: Hi, from server"));

            chromium.driver().findElement(By.id("hello")).click();

            assertThat(javaClient.first("hello-server").plainArgs()).containsExactly(Map.of("message", "hello clients"));
            chromium.awaitText("log-default", text -> text.contains("hello-server: {\"message\":\"hello clients\"}"));
        }
    }

    @Test
    void byeFromThePageIsAnsweredWithAServerDisconnectAndConnectBringsTheSocketBack() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(page);
            chromium.awaitText("log-default", text -> text.contains("message: Hi, from server"));

            chromium.driver().findElement(By.id("bye")).click();

            chromium.awaitText("log-default", text -> text.contains("disconnect: io server disconnect"));
            assertThat(chromium.driver().findElement(By.id("hello")).isEnabled()).as("hello-message button").isFalse();

            chromium.driver().findElement(By.id("connect")).click();

            chromium.awaitText("log-default", text -> text.split("message: Hi, from server", -1).length == 3);
            org.awaitility.Awaitility.await().until(() -> chromium.driver().findElement(By.id("hello")).isEnabled());
        }
    }

    @Test
    void aPageWithoutTheTokenShowsTheConnectError() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(base);

            chromium.awaitText("log-default", text -> text.contains("connect_error") && text.contains("token"));
            assertThat(chromium.awaitText("log-default", text -> true)).doesNotContain("Hi, from server");
        }
    }

    @Test
    void theTokenTypedIntoThePageConnects() {
        try (Chromium chromium = Chromium.start()) {
            chromium.open(base);
            chromium.awaitText("log-default", text -> text.contains("connect_error"));

            chromium.driver().findElement(By.id("token")).sendKeys("s3cret");
            chromium.driver().findElement(By.id("connect")).click();

            chromium.awaitText("log-default", text -> text.contains("message: Hi, from server"));
        }
    }

    @Test
    void thePageHasNoHorizontalScrollingAt390PixelsWide() {
        try (Chromium chromium = Chromium.start()) {
            chromium.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            chromium.open(page);
            chromium.awaitText("log-default", text -> text.contains("message: Hi, from server"));

            Object overflow = chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("pixels of horizontal overflow").isLessThanOrEqualTo(0);
            assertThat(chromium.driver().getTitle()).startsWith("Recipe 04 · ");
        }
    }

    @Test
    void pageServerServesTheBrowserClientFromTheWebJarAndTellsWhereSocketIoIs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> client = http.send(HttpRequest.newBuilder(URI.create(base + "webjars/socket.io-client/2.0.3/dist/socket.io.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> address = http.send(HttpRequest.newBuilder(URI.create(base + "socket-io.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.headers().firstValue("Content-Type")).get().asString().contains("javascript");
        assertThat(client.body().contains("socket.io-client")).as("the body is the socket.io client").isTrue();
        assertThat(address.body()).isEqualTo("{\"port\":" + recipe.socketIoUri().getPort() + ",\"path\":\"/websocket\"}");
    }
}
