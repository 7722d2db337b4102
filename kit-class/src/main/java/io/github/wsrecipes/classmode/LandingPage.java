package io.github.wsrecipes.classmode;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The landing page: {@code /} is one card per recipe, drawn on the server (QR codes included);
 * {@code /status.json} is every recipe's state and client count, which the page polls.
 */
final class LandingPage extends Handler.Abstract.NonBlocking {

    private final List<Card> cards;

    LandingPage(List<Card> cards) {
        this.cards = cards;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if ("/".equals(path) || "/index.html".equals(path)) {
            return send(response, callback, "text/html;charset=utf-8", page());
        }
        if ("/status.json".equals(path)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            return send(response, callback, "application/json", status());
        }
        return false;
    }

    private static boolean send(Response response, Callback callback, String type, String body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    String status() {
        return cards.stream()
                .map(card -> "{\"module\":\"" + card.recipe().module() + "\",\"up\":" + card.up() + ",\"clients\":" + card.clients() + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private String page() {
        String body = cards.stream().map(LandingPage::card).collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>WebSocket Recipes · class mode</title>
                  <link rel="icon" href="favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="/webjars/picocss__pico/2.1.1/css/pico.min.css">
                  <link rel="stylesheet" href="recipe.css">
                  <script type="module" src="app.js"></script>
                </head>
                <body>
                  <header class="container">
                    <hgroup>
                      <h1>WebSocket Recipes · class mode</h1>
                      <p>Every recipe of the kit, running on this machine. Scan a code to open it on your phone.</p>
                    </hgroup>
                  </header>
                  <main class="container">
                    <div class="cards">
                %s
                    </div>
                  </main>
                </body>
                </html>
                """.formatted(body);
    }

    private static String card(Card card) {
        String module = Html.escape(card.recipe().module());
        String head = "<article class=\"card\" data-module=\"" + module + "\"><header><h2>" + Html.escape(card.recipe().title())
                + "</h2><p>" + Html.escape(card.recipe().teaches()) + "</p></header>";
        if (!card.up()) {
            return head + "<p class=\"status down\">Down: " + Html.escape(card.whyDown()) + "</p></article>";
        }
        String local = Html.escape(card.localLink());
        String lan = card.lanLinks().isEmpty()
                ? "<li>Other machines: start class mode with <code>--host 0.0.0.0</code></li>"
                : card.lanLinks().stream().map(link -> "<li>On the LAN: <a class=\"lan\" href=\"" + Html.escape(link) + "\">"
                        + Html.escape(link) + "</a></li>").collect(Collectors.joining());
        return head + "<p class=\"status up\">Up · <span class=\"clients\">" + card.clients() + "</span> connected</p>"
                + "<ul><li>This machine: <a class=\"local\" href=\"" + local + "\">" + local + "</a></li>" + lan + "</ul>"
                + "<figure class=\"qr\">" + QrCode.svg(card.shareLink()) + "<figcaption>" + Html.escape(card.shareLink())
                + "</figcaption></figure></article>";
    }
}
