package io.github.wsrecipes.socketio;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The recipe's option table as code: what the chapter configured in its two Node servers. */
@Command(name = "recipe-04-socketio", mixinStandardHelpOptions = true,
        description = "A page server and a Socket.IO server: namespaces, rooms, broadcast, middleware.")
public final class SocketIoOptions {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8084", description = "page server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--socketio-port", paramLabel = "N", defaultValue = "3004",
            description = "Socket.IO server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int socketIoPort;

    @Option(names = "--host", paramLabel = "H", defaultValue = "localhost",
            description = "interface both servers listen on; 0.0.0.0 for a class on a LAN (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/socket.io",
            description = "Socket.IO handshake path, like Node's `path` option; the chapter also uses /websocket (default: ${DEFAULT-VALUE})")
    String path;

    @Option(names = "--tick", paramLabel = "MS", defaultValue = "5000", description = "milliseconds between the periodic pushes (default: ${DEFAULT-VALUE})")
    long tickMillis;

    @Option(names = "--token", paramLabel = "T", description = "refuse every handshake whose query has no token=T (like an io.use middleware)")
    String token;

    @Option(names = "--origins", split = ",", paramLabel = "HOST:PORT",
            description = "browser origins allowed, like io.origins(\"localhost:8084\"); * allows any "
                    + "(default: the page server's own origins)")
    List<String> origins = List.of();

    /** Parses command-line arguments; picocli reports bad ones with a ParameterException. */
    static SocketIoOptions parse(String... args) {
        SocketIoOptions options = new SocketIoOptions();
        CommandLine cli = new CommandLine(options);
        cli.parseArgs(args);
        options.check(cli);
        return options;
    }

    /** What picocli cannot check by type alone; a clear message instead of a stack trace later. */
    void check(CommandLine cli) {
        if (tickMillis <= 0) {
            throw new ParameterException(cli, "--tick must be more than 0 ms, not " + tickMillis);
        }
        if (!path.matches("/[\\w./-]*")) {
            throw new ParameterException(cli, "--path must start with / and hold only letters, digits and . _ - /, "
                    + "like /socket.io or /websocket, not " + path);
        }
    }

    /** The effective configuration, printed at start-up. */
    String describe(List<String> effectiveOrigins) {
        return String.join("\n",
                "Configuration:",
                "  --host          " + host,
                "  --port          " + port,
                "  --socketio-port " + socketIoPort,
                "  --path          " + path,
                "  --tick          " + tickMillis + " ms",
                "  --token         " + (token == null ? "(none: every handshake is accepted)" : "(set: handshakes need ?token=T)"),
                "  --origins       " + String.join(", ", effectiveOrigins));
    }
}
