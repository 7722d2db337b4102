package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the recipe in the test's JVM, as main does, with these arguments. */
public final class Started {

    private Started() {
    }

    public static SocketIoRecipe recipe(String... args) throws Exception {
        Options options = new Options();
        assertThat(options.parse(args)).isEmpty();
        SocketIoRecipe recipe = new SocketIoRecipe(options);
        recipe.start();
        return recipe;
    }

    /** {@code http://localhost:PORT}, the Socket.IO server without its path, as clients take it. */
    public static String socketIoServer(SocketIoRecipe recipe) {
        return "http://localhost:" + recipe.socketIoUri().getPort();
    }
}
