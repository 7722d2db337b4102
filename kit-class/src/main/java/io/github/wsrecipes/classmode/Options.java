package io.github.wsrecipes.classmode;

import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of class mode, the same shape as every recipe's. */
@Command(name = "kit-class", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "Starts every recipe of the kit in one JVM, and a landing page with a card per recipe.")
public final class Options {

    @Option(names = "--port", description = "the landing page's TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--host", description = "interface every recipe listens on; 0.0.0.0 for the room's network (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--any-ports", description = "start every recipe on a free port instead of its default one")
    boolean anyPorts;

    @Option(names = "--verbose", description = "a line per message from every recipe (off in class: thirty students are a lot of lines)")
    boolean verbose;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port + ", anyPorts=" + anyPorts + ", verbose=" + verbose;
    }
}
