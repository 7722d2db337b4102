package io.github.wsrecipes.socketio;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The recipe's option table as code: what the chapter configured in its two Node servers. */
@Command(name = "recipe-04-socketio", mixinStandardHelpOptions = true,
        description = "A page server and a Socket.IO server: namespaces, rooms, broadcast, middleware.")
public final class SocketIoOptions {

    @Option(names = "--port", defaultValue = "8084", description = "page server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--socketio-port", defaultValue = "3004",
            description = "Socket.IO server port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int socketIoPort;

    @Option(names = "--host", defaultValue = "localhost",
            description = "interface both servers listen on; 0.0.0.0 for a class on a LAN (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--path", defaultValue = "/socket.io",
            description = "Socket.IO handshake path, like Node's `path` option; the chapter also uses /websocket (default: ${DEFAULT-VALUE})")
    String path;

    @Option(names = "--tick", defaultValue = "5000", description = "milliseconds between the periodic pushes (default: ${DEFAULT-VALUE})")
    long tickMillis;

    @Option(names = "--token", description = "refuse every handshake whose query has no token=T (like an io.use middleware)")
    String token;

    @Option(names = "--origins", split = ",", paramLabel = "HOST:PORT",
            description = "browser origins allowed, like io.origins(\"localhost:8084\"); * allows any "
                    + "(default: the page server's own origins)")
    List<String> origins = List.of();

    /** Parses command-line arguments; picocli reports bad ones with a ParameterException. */
    static SocketIoOptions parse(String... args) {
        SocketIoOptions options = new SocketIoOptions();
        new picocli.CommandLine(options).parseArgs(args);
        return options;
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
                "  --token         " + (token == null ? "(none: every handshake is accepted)" : "(set: handshakes need ?token=…)"),
                "  --origins       " + String.join(", ", effectiveOrigins));
    }
}
