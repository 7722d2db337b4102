package io.github.wsrecipes.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.wsrecipes.support.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of recipe 04, the same shape as every recipe's. */
@Command(name = "recipe-04-socketio", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = CommandLines.ManifestVersion.class,
        description = "A page server and a Socket.IO server: namespaces, rooms, broadcast, middleware.")
public final class Options {

    @Option(names = "--port", description = "page server port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 8084;

    @Option(names = "--socketio-port", description = "Socket.IO server port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int socketIoPort = 3004;

    @Option(names = "--host", description = "interface both servers listen on; 0.0.0.0 lets a class on the LAN connect (default: ${DEFAULT-VALUE})")
    String host = "localhost";

    @Option(names = "--path", description = "Socket.IO handshake path, Node's `path` option; the chapter also uses /websocket (default: ${DEFAULT-VALUE})")
    String path = "/socket.io";

    @Option(names = "--tick", paramLabel = "MS", description = "milliseconds between the periodic pushes (default: ${DEFAULT-VALUE})")
    long tickMillis = 5_000;

    @Option(names = "--token", paramLabel = "T", description = "refuse every handshake without ?token=T (like an io.use middleware)")
    String token;

    @Option(names = "--origins", split = ",", paramLabel = "HOST:PORT",
            description = "only these browser origins, like io.origins(\"localhost:8084\"); * allows any "
                    + "(default: the pages of this machine's recipes)")
    List<String> origins = new ArrayList<>();

    @Option(names = "--max-sessions", paramLabel = "N", description = "refuse handshakes past this many sessions (default: ${DEFAULT-VALUE})")
    int maxSessions = 500;

    @Option(names = "--quiet", description = "no line per event received (connects, disconnects and errors are still logged)")
    boolean quiet;

    /** Reads the arguments; a code to exit with when --help, --version or a usage error ended the run. */
    public OptionalInt parse(String... args) {
        return CommandLines.parse(this, this::validate, args);
    }

    private void validate(CommandLine cli) {
        CommandLines.checkPort(cli, "--port", port);
        CommandLines.checkPort(cli, "--socketio-port", socketIoPort);
        if (tickMillis <= 0) {
            throw new ParameterException(cli, "--tick must be more than 0 ms, not " + tickMillis);
        }
        if (!path.matches("/[\\w./-]*")) {
            throw new ParameterException(cli, "--path must start with / and hold only letters, digits and . _ - /, "
                    + "like /socket.io or /websocket, not " + path);
        }
        if (maxSessions < 1) {
            throw new ParameterException(cli, "--max-sessions must be at least 1, not " + maxSessions);
        }
    }

    /** The effective configuration, as start-up prints it. */
    String config() {
        return "Config: host=" + host + ", port=" + port + ", socketIoPort=" + socketIoPort + ", path=" + path
                + ", tick=" + tickMillis + ", token=" + (token == null ? "none" : "set")
                + ", origins=" + (origins.isEmpty() ? "this machine's recipe pages" : origins)
                + ", maxSessions=" + maxSessions + ", quiet=" + quiet;
    }
}
