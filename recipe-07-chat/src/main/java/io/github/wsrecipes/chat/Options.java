package io.github.wsrecipes.chat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 07, the same shape as every recipe's. */
@Command(name = "recipe-07-chat", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
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
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
        CommandLines.checkPort(cli, "--socketio-port", socketIoPort);
        if (history < 0 || history > 10_000) {
            throw new ParameterException(cli, "--history must be from 0 to 10000 messages, not " + history);
        }
        CommandLines.checkRedis(cli, redis);
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port + ", socketioPort=" + socketIoPort
                + ", origins=" + (allowAnyOrigin ? "any" : "this machine's" + (allowedOrigins.isEmpty() ? "" : " + " + allowedOrigins))
                + ", history=" + history + ", redis=" + (redis == null ? "off" : CommandLines.redisAddress(redis)) + ", quiet=" + quiet;
    }

}
