package io.github.wsrecipes.classmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.wsrecipes.testsupport.RecipeContainer;

/** Class mode as shipped: the jar in its image, every recipe up, each link answering. */
class ClassModeContainerIT {

    // Host networking (see RecipeContainer): loopback, and free ports instead of 8080 to 8088.
    @RegisterExtension
    static final RecipeContainer KIT = RecipeContainer.of("kit-class", "--host", "127.0.0.1", "--port", "0", "--any-ports");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLandingPageLinksEveryRecipeAndEachLinkAnswers() throws Exception {
        String page = get(KIT.baseUri()).body();

        Matcher links = Pattern.compile("<a class=\"local\" href=\"([^\"]+)\"").matcher(page);
        int answered = 0;
        while (links.find()) {
            assertThat(get(URI.create(links.group(1))).statusCode()).as(links.group(1)).isEqualTo(200);
            answered++;
        }
        assertThat(answered).isEqualTo(Recipes.ALL.size());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
