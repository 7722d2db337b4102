package io.github.wsrecipes.support;

import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The kit's one way to read a command line and to say what is wrong with it, for every program. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * Reads the arguments into a picocli command object, then lets it check their values; a code
     * to exit with when --help or -V (0) or a usage error (2: the one line, then "Try --help.") ended the run.
     */
    public static OptionalInt parse(Object command, Consumer<CommandLine> validate, String... args) {
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

    /** For a validate step: a TCP port a server can listen on, 0 meaning any free one. */
    public static void checkPort(CommandLine cli, String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(cli, option + " must be from 0 (any free port) to 65535, not " + port);
        }
    }

    /** For a validate step: a {@code --redis} value Redisson can connect to, when one is given. */
    public static void checkRedis(CommandLine cli, URI redis) {
        if (redis != null && (!List.of("redis", "rediss").contains(redis.getScheme()) || redis.getHost() == null || redis.getPort() < 0)) {
            throw new ParameterException(cli, "--redis must be redis://HOST:PORT, e.g. redis://localhost:6379, not " + redis);
        }
    }

    /** Redis as printed: its address, never a password in the URI. */
    public static String redisAddress(URI redis) {
        return redis.getScheme() + "://" + redis.getHost() + ":" + redis.getPort();
    }

    /** A Redis that does not answer at start: one line a learner can act on. */
    public static String cannotReachRedis(URI redis, Throwable e) {
        return "Cannot reach Redis at " + redisAddress(redis) + ": " + rootCause(e).getMessage()
                + ". Is redis-server running? (redis-server --port " + redis.getPort() + " starts one)";
    }

    /** A port in use or a host that does not resolve: one line a learner can act on, never a stack trace. */
    public static String cannotListen(String host, int port, Throwable e) {
        return "Cannot listen on " + host + ":" + port + ": " + reason(e) + ". Is another recipe running? --port 0 picks a free port.";
    }

    /** Why a socket could not listen, in a learner's words: the root cause's message, or "unknown host". */
    public static String reason(Throwable e) {
        Throwable cause = rootCause(e);
        return cause instanceof UnresolvedAddressException ? "unknown host" : String.valueOf(cause.getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** -V: the command's name and the version Maven wrote into its jar's manifest. */
    public static final class ManifestVersion implements IVersionProvider {

        @Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() {
            String version = spec.userObject().getClass().getPackage().getImplementationVersion();
            return new String[] {spec.name() + " " + (version == null ? "(no version: not run from its jar)" : version)};
        }
    }
}
