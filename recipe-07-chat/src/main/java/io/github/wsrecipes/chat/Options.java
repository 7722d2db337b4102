package io.github.wsrecipes.chat;

import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 07, the same shape as every recipe's. */
@Command(name = "recipe-07-chat", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Options.ManifestVersion.class,
        description = "A chat relay: the chat page and a Socket.IO server (listings 8-13, 8-14).")
public final class Options {

    @Option(names = "--port", description = "page server port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8087;

    @Option(names = "--socketio-port", paramLabel = "N", description = "Socket.IO server port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int socketIoPort = 3007;

    @Option(names = "--host", description = "interface both servers listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "one more browser origin that may connect, e.g. http://192.168.1.20:9000 (repeatable)")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--allow-any-origin", description = "let pages from any origin connect (demos only)")
    boolean allowAnyOrigin;

    @Option(names = "--history", paramLabel = "N", description = "messages replayed to a member who joins late (default: ${DEFAULT-VALUE})")
    int history = 50;

    @Option(names = "--redis", paramLabel = "URI",
            description = "share the chat with every server started with this Redis, e.g. redis://localhost:6379 (default: none, the chat lives in this server)")
    URI redis;

    @Option(names = "--quiet", description = "no line per message (joins, leaves and errors are still logged)")
    boolean quiet;

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
        checkPort(cli, "--port", port);
        checkPort(cli, "--socketio-port", socketIoPort);
        if (history < 0 || history > 10_000) {
            throw new ParameterException(cli, "--history must be from 0 to 10000 messages, not " + history);
        }
        if (redis != null && (!List.of("redis", "rediss").contains(redis.getScheme()) || redis.getHost() == null || redis.getPort() < 0)) {
            throw new ParameterException(cli, "--redis must be redis://HOST:PORT, e.g. redis://localhost:6379, not " + redis);
        }
    }

    private static void checkPort(CommandLine cli, String option, int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(cli, option + " must be from 0 (any free port) to 65535, not " + value);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port + ", socketioPort=" + socketIoPort
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", history=" + history + ", redis=" + (redis == null ? "off" : redisAddress()) + ", quiet=" + quiet;
    }

    /** Redis as printed: its address, never a password in the URI. */
    String redisAddress() {
        return redis.getScheme() + "://" + redis.getHost() + ":" + redis.getPort();
    }

    /** A Redis that does not answer at start: one line a learner can act on. */
    String cannotReachRedis(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return "Cannot reach Redis at " + redisAddress() + ": " + cause.getMessage() + ". Is redis-server running? (redis-server --port "
                + redis.getPort() + " starts one)";
    }

    /** A port in use or a host that does not resolve: one line a learner can act on. */
    String cannotListen(int port, Exception e) {
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
            return new String[] {"recipe-07-chat " + (version == null ? "(no version: not run from its jar)" : version)};
        }
    }
}
