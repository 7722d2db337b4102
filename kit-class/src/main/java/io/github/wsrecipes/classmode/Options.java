package io.github.wsrecipes.classmode;

import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of class mode, the same shape as every recipe's. */
@Command(name = "kit-class", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Options.ManifestVersion.class,
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
        CommandLine cli = new CommandLine(this);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return OptionalInt.of(0);
            }
            validate(cli);
            return OptionalInt.empty();
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            System.err.println("Try --help.");
            return OptionalInt.of(2);
        }
    }

    private void validate(CommandLine cli) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(cli, "--port must be from 0 (any free port) to 65535, not " + port);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port + ", anyPorts=" + anyPorts + ", verbose=" + verbose;
    }

    /** -V: the version Maven wrote into the jar's manifest. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Options.class.getPackage().getImplementationVersion();
            return new String[] {"kit-class " + (version == null ? "(no version: not run from its jar)" : version)};
        }
    }
}
