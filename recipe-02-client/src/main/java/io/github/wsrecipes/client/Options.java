package io.github.wsrecipes.client;

import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of the page server, the same shape as every recipe's. */
@Command(name = "recipe-02-client", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "Serves the browser client page (listing 8-3), which talks to recipe 01's server.")
public final class Options {

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8082;

    @Option(names = "--host", description = "interface to listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, cli -> CommandLines.checkPort(cli, "--port", port), args);
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port;
    }
}
