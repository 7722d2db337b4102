package io.github.wsrecipes.client;

import java.nio.channels.UnresolvedAddressException;
import java.util.OptionalInt;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of the page server, the same shape as every recipe's. */
@Command(name = "recipe-02-client", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Options.ManifestVersion.class,
        description = "Serves the browser client page (listing 8-3), which talks to recipe 01's server.")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8082;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return parse(this, cli -> {
            if (port < 0 || port > 65_535) {
                throw new ParameterException(cli, "--port must be from 0 (any free port) to 65535, not " + port);
            }
        }, args);
    }

    /** The kit's one way to read a command line, for both programs of this recipe. */
    static OptionalInt parse(Object command, Consumer<CommandLine> validate, String... args) {
        CommandLine cli = new CommandLine(command);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return OptionalInt.of(0);
            }
            validate.accept(cli);
            return OptionalInt.empty();
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return OptionalInt.of(2);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port;
    }

    /** A port in use or a host that does not resolve: one line a learner can act on. */
    String cannotListen(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String reason = cause instanceof UnresolvedAddressException ? "unknown host" : cause.getMessage();
        return "Cannot listen on " + host + ":" + port + ": " + reason + ". Is another recipe running? --port 0 picks a free port.";
    }

    /** -V: the version Maven wrote into the jar's manifest. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Options.class.getPackage().getImplementationVersion();
            return new String[] {"recipe-02-client " + (version == null ? "(no version: not run from its jar)" : version)};
        }
    }
}
