package io.github.wsrecipes.classmode;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;

import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.ServerThreads;
import io.github.wsrecipes.support.StaticFiles;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.wsrecipes.classmode.Recipes.Recipe;
import io.github.wsrecipes.classmode.Recipes.Running;

/**
 * Class mode: every recipe of the kit in one JVM on its default port, and a landing page on 8080
 * with one card per recipe (what it teaches, whether it is up, its links, a QR code of the LAN
 * link, live client counts), so a room of students opens the chat or the whiteboard on a phone.
 * One Ctrl+C stops everything, each recipe with its own stop (1001 to every client).
 */
public final class ClassMode {

    private static final Logger LOG = LoggerFactory.getLogger(ClassMode.class);

    private final Options options;
    private final List<Card> cards = new ArrayList<>();
    private Server server;
    private ServerConnector connector;

    public ClassMode(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Netty runs without sun.misc.Unsafe too; on JDK 24+ using it prints four warning lines (JEP 498).
        if (Runtime.version().feature() >= 24) System.getProperties().putIfAbsent("io.netty.noUnsafe", "true");
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        ClassMode kit = new ClassMode(options);
        Runtime.getRuntime().addShutdownHook(new Thread(kit::stop, "stop"));
        try {
            kit.start();
        } catch (IOException | UnresolvedAddressException e) {
            System.err.println(CommandLines.cannotListen(options.host, options.port, e));
            System.exit(1);
        }
        kit.readyLines().forEach(System.out::println);
        kit.server.join();
    }

    public void start() throws Exception {
        // 1. The landing page's port first: if it is taken, nothing else starts.
        server = ServerThreads.server("kit-class");
        connector = ServerThreads.connector(server);
        connector.setHost(options.host);
        connector.setPort(options.port);
        connector.setReuseAddress(true);
        server.addConnector(connector);
        connector.open();

        // 2. Every recipe through its own start API; one whose port is taken is reported and skipped.
        boolean lan = "0.0.0.0".equals(options.host);
        for (Recipe recipe : Recipes.ALL) {
            int port = options.anyPorts ? 0 : recipe.defaultPort();
            try {
                Running running = recipe.starter().start(options.host, port, !options.verbose);
                URI page = lan ? URI.create("http://localhost:" + running.page().getPort() + "/") : running.page();
                Running shown = new Running(page, running.clients(), running.stop());
                List<String> lanLinks = lan ? Origins.lanAddresses().stream().map(a -> "http://" + a + ":" + page.getPort() + "/").toList() : List.of();
                cards.add(new Card(recipe, shown, null, lanLinks));
            } catch (Exception e) {
                String why = "cannot listen on port " + port + " (" + CommandLines.reason(e) + ")";
                LOG.warn("{} is not started: {}", recipe.module(), why);
                cards.add(new Card(recipe, null, why, List.of()));
            }
        }

        // 3. The landing page: the cards, then its own files and the WebJars.
        server.setHandler(new org.eclipse.jetty.server.Handler.Sequence(new LandingPage(cards), StaticFiles.of(server, "kit-class")));
        server.start();
    }

    /** Every recipe's own stop, then the landing page's. */
    public void stop() {
        cards.stream().filter(Card::up).forEach(card -> card.running().stop().run());
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            LOG.warn("Stopping the landing page failed: {}", e.toString());
        }
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + connector.getLocalPort() + "/");
    }

    List<Card> cards() {
        return cards;
    }

    List<String> readyLines() {
        List<String> lines = new ArrayList<>();
        for (Card card : cards) {
            lines.add(card.up() ? card.recipe().title() + " on " + card.localLink() : card.recipe().title() + " is down: " + card.whyDown());
        }
        lines.add("Listening on " + uri());
        if ("0.0.0.0".equals(options.host)) {
            Origins.lanAddresses().forEach(address -> lines.add("Open http://" + address + ":" + connector.getLocalPort() + "/"));
        }
        return lines;
    }
}
