package io.github.wsrecipes.classmode;

import java.net.URI;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.github.wsrecipes.browser.BrowserEchoServer;

/**
 * The kit's recipes as class mode starts them: each through its own {@code Options} and its own
 * {@code start()}, exactly as its {@code main} does, so what runs here is what a learner runs.
 */
final class Recipes {

    /** One recipe of the kit, and how to start it on a host and port. */
    record Recipe(String module, String title, String teaches, int defaultPort, Starter starter) {
    }

    @FunctionalInterface
    interface Starter {
        Running start(String host, int port, boolean quiet) throws Exception;
    }

    /** A recipe that is up: where its page is, how many clients it has now, how to stop it. */
    record Running(URI page, IntSupplier clients, Runnable stop) {
    }

    static final List<Recipe> ALL = List.of(
            new Recipe("recipe-05-browser", "Recipe 05 · The browser WebSocket API",
                    "every member of the browser's WebSocket, live, against an echo server", 8085,
                    (host, port, quiet) -> {
                        io.github.wsrecipes.browser.Options options = new io.github.wsrecipes.browser.Options();
                        options.parse(args(host, port, quiet));
                        BrowserEchoServer server = new BrowserEchoServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }));

    private Recipes() {
    }

    private static String[] args(String host, int port, boolean quiet) {
        return quiet ? new String[] {"--host", host, "--port", String.valueOf(port), "--quiet"}
                : new String[] {"--host", host, "--port", String.valueOf(port)};
    }

    @FunctionalInterface
    private interface Start {
        void run() throws Exception;
    }

    /** Starts a recipe; one that fails half-way (its second port taken, say) is stopped again. */
    private static Running started(Start start, Supplier<URI> page, IntSupplier clients, Runnable stop) throws Exception {
        try {
            start.run();
        } catch (Exception e) {
            stop.run();
            throw e;
        }
        return new Running(page.get(), clients, stop);
    }
}
