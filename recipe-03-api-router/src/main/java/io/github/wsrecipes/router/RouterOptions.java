package io.github.wsrecipes.router;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 03: where to listen. Everything else is the mount and route tables. */
@Command(name = "recipe-03-api-router", mixinStandardHelpOptions = true, version = "recipe-03-api-router 1.0",
        description = "A WebSocket server that routes JSON messages by path and connections by subprotocol.")
public final class RouterOptions {

    @Option(names = "--port", defaultValue = "8083", paramLabel = "N",
            description = "Port for the page and the WebSocket endpoints; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "H",
            description = "Interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE}).")
    private String host;

    /** Options from command-line arguments, e.g. {@code parse("--port", "0")} in a test. */
    public static RouterOptions parse(String... args) {
        CommandLine cli = new CommandLine(new RouterOptions());
        cli.parseArgs(args);
        return checked(cli);
    }

    /** Like {@link #parse}, but for {@code main}: prints help, the version or the mistake; null means "do not start". */
    static RouterOptions parseOrExplain(String... args) {
        CommandLine cli = new CommandLine(new RouterOptions());
        try {
            return CommandLine.printHelpIfRequested(cli.parseArgs(args)) ? null : checked(cli);
        } catch (ParameterException mistake) {
            System.err.println(mistake.getMessage());
            cli.usage(System.err);
            System.exit(2);
            return null;
        }
    }

    // Jetty would only find out when it binds, with a stack trace instead of the usage message.
    private static RouterOptions checked(CommandLine cli) {
        RouterOptions options = cli.getCommand();
        if (options.port < 0 || options.port > 65535) {
            throw new ParameterException(cli, "--port must be 0 (any free port) to 65535, got " + options.port);
        }
        return options;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    @Override
    public String toString() {
        return "--host " + host + " --port " + port;
    }
}
