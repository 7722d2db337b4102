package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Recipe 02 · a WebSocket client (listing 8-2) on Jetty's {@code WebSocketClient}. The listing, in short:
 *
 * <pre>
 * client.on('connectFailed', function (error) { console.log('Connect Error: ' + error.toString()); });
 * client.on('connect', function (connection) {
 *     console.log('WebSocket Client Connected');
 *     connection.on('message', function (message) { console.log("Received: '" + message.utf8Data + "'"); });
 *     connection.on('close', function () { console.log('echo-protocol Connection Closed'); });
 *     function sendNumber() { if (connection.connected) { connection.sendUTF(…random…); setTimeout(sendNumber, 1000); } }
 *     sendNumber();
 * });
 * client.connect('ws://localhost:8080/', 'echo-protocol');
 * </pre>
 */
public final class EchoClient {

    public static final int OK = 0; // exit statuses: a clean end,
    public static final int CONNECT_ERROR = 1; // a connection that never opened,
    public static final int CLOSED_ABNORMALLY = 3; // one that closed abnormally

    private final ClientOptions options;
    private final PrintStream out;
    private final PrintingListener connection;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public EchoClient(ClientOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.connection = options.assembleFragments ? new PrintingListener.Messages(out, this::sendNumbers)
                : new PrintingListener.Frames(out, this::sendNumbers);
    }

    public static void main(String[] args) throws Exception {
        ClientOptions options = new ClientOptions();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        EchoClient recipe = new EchoClient(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::stop, "stop"));
        System.exit(recipe.run()); // OK, CONNECT_ERROR or CLOSED_ABNORMALLY
    }

    /** Connects, and returns the exit status once the connection has ended. */
    public int run() throws Exception {
        // 1. new WebSocketClient(): Jetty's rides on its HttpClient, which holds the TCP and TLS settings.
        HttpClient http = new HttpClient();
        http.getClientConnector().setTCPNoDelay(options.disableNagleAlgorithm);
        http.setSslContextFactory(options.tls());
        WebSocketClient client = new WebSocketClient(http);
        client.setMaxFrameSize(options.maxFrameSize);
        client.setMaxTextMessageSize(options.maxMessageSize);
        client.setMaxBinaryMessageSize(options.maxMessageSize);
        client.setAutoFragment(false); // else Jetty splits a frame over the limit instead of refusing it with 1009
        client.setStopAtShutdown(false); // stop() closes with 1001 itself; Jetty's own hook would race it
        client.start();
        try {
            // 2. client.connect(url, 'echo-protocol'); an Origin only when asked: a browser sends one, we need not.
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.setSubProtocols(options.protocol);
            if (options.origin != null) {
                request.setHeader("Origin", options.origin);
            }
            client.connect(connection, options.url, request).get();
            // 3. connect: the PrintingListener prints 'WebSocket Client Connected', each message, then the close.
            int code = connection.closed.get();
            return code == StatusCode.NORMAL || code == StatusCode.SHUTDOWN ? OK : CLOSED_ABNORMALLY;
        } catch (ExecutionException failed) {
            // 4. connectFailed: say why, with the HTTP status when the server refused the upgrade.
            out.println("Connect Error: " + ConnectError.describe(failed.getCause(), options.url));
            return CONNECT_ERROR;
        } finally {
            timer.shutdownNow();
            client.stop();
        }
    }

    // 5. sendNumber(): --send first, then a random number every interval while connected.
    private void sendNumbers(Session session) {
        FragmentingSender sender = new FragmentingSender(session, options, out);
        if (options.send != null) {
            sender.text(options.send); // the numbers queue behind it
        }
        timer.execute(() -> sendNumber(session, sender, 1));
    }

    private void sendNumber(Session session, FragmentingSender sender, int nth) {
        if (!session.isOpen()) {
            return; // the original checked connection.connected
        }
        int number = ThreadLocalRandom.current().nextInt(0x1000000);
        CompletableFuture<Void> written = options.binary
                ? sender.binary(ByteBuffer.allocate(Integer.BYTES).putInt(number).flip())
                : sender.text(Integer.toString(number));
        // Next only once written: a close sent sooner could land between the frames of a split message.
        written.whenComplete((ok, failure) -> {
            if (nth == options.count) {
                connection.close(StatusCode.NORMAL, "done", options.closeTimeoutMillis);
            } else {
                timer.schedule(() -> sendNumber(session, sender, nth + 1), options.intervalMillis, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Ctrl+C: close with 1001 (going away), and give the server the close timeout to answer. */
    public void stop() {
        if (connection.close(StatusCode.SHUTDOWN, "going away", options.closeTimeoutMillis)) {
            try {
                connection.closed.get(options.closeTimeoutMillis + 1000, TimeUnit.MILLISECONDS);
            } catch (Exception notInTime) {
                // the close timeout has dropped the connection already
            }
        }
    }
}
