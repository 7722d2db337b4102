package io.github.wsrecipes.classmode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.github.wsrecipes.browser.BrowserEchoServer;
import io.github.wsrecipes.chat.ChatServer;
import io.github.wsrecipes.client.PageServer;
import io.github.wsrecipes.events.PushServer;
import io.github.wsrecipes.router.RouterServer;
import io.github.wsrecipes.server.EchoServer;
import io.github.wsrecipes.socketio.SocketIoRecipe;
import io.github.wsrecipes.whiteboard.WhiteboardServer;

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
            new Recipe("recipe-01-server", "Recipe 01 · A configurable WebSocket server",
                    "the handshake, origin and subprotocol checks, echo, every WebSocket-Node server option", 8081,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.server.Options();
                        parse(options.parse(args(host, port, quiet)));
                        EchoServer server = new EchoServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-02-client", "Recipe 02 · A browser WebSocket client",
                    "a page that talks to recipe 01: open, message, close, error, and a reply to the greeting", 8082,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.client.Options();
                        parse(options.parse(args(host, port, false)));
                        PageServer server = new PageServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-03-api-router", "Recipe 03 · API router",
                    "routing JSON messages by path and REST route, and connections by subprotocol", 8083,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.router.Options();
                        parse(options.parse(args(host, port, quiet)));
                        RouterServer server = new RouterServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-04-socketio", "Recipe 04 · Socket.IO namespaces, rooms, broadcast",
                    "Socket.IO with netty-socketio: namespaces, rooms, broadcast, middleware", 8084,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.socketio.Options();
                        parse(options.parse(args(host, port, quiet, "--socketio-port", port == 0 ? "0" : "3004")));
                        SocketIoRecipe server = new SocketIoRecipe(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-05-browser", "Recipe 05 · The browser WebSocket API",
                    "every member of the browser's WebSocket, live, against an echo server", 8085,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.browser.Options();
                        parse(options.parse(args(host, port, quiet)));
                        BrowserEchoServer server = new BrowserEchoServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-06-server-events", "Recipe 06 · Pushing server events",
                    "one scheduler pushing a status to every open connection", 8086,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.events.Options();
                        parse(options.parse(args(host, port, quiet)));
                        PushServer server = new PushServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-07-chat", "Recipe 07 · A chat relay over Socket.IO",
                    "a chat the whole room can join: names the server keeps, typing, history", 8087,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.chat.Options();
                        parse(options.parse(args(host, port, quiet, "--socketio-port", port == 0 ? "0" : "3007")));
                        ChatServer server = new ChatServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }),
            new Recipe("recipe-08-whiteboard", "Recipe 08 · A whiteboard for the whole class",
                    "a shared canvas: every stroke relayed to everyone else, a pen per person", 8088,
                    (host, port, quiet) -> {
                        var options = new io.github.wsrecipes.whiteboard.Options();
                        parse(options.parse(args(host, port, quiet)));
                        WhiteboardServer server = new WhiteboardServer(options);
                        return started(server::start, server::uri, server::clients, server::stop);
                    }));

    private Recipes() {
    }

    private static String[] args(String host, int port, boolean quiet, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", host, "--port", String.valueOf(port)));
        if (quiet) {
            args.add("--quiet");
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The arguments are class mode's own: a usage error here is a bug, not a user's typo. */
    private static void parse(OptionalInt exit) {
        if (exit.isPresent()) {
            throw new IllegalStateException("class mode passed arguments the recipe refuses (exit " + exit.getAsInt() + ")");
        }
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
