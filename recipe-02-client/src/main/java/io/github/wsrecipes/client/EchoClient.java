package io.github.wsrecipes.client;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import picocli.CommandLine;

/**
 * Listing 8-2 on Jetty's WebSocketClient: connect with {@code echo-protocol}, print what arrives,
 * send a random number every second. With {@code --serve-page} it serves listing 8-3 instead.
 */
public final class EchoClient {

    /** Exit statuses: a clean end, a connection that never opened, one that closed abnormally. */
    public static final int OK = 0;
    public static final int CONNECT_ERROR = 1;
    public static final int CLOSED_ABNORMALLY = 3;

    private final ClientOptions options;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "client-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile PrintingListener current;

    private EchoClient(ClientOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String... args) {
        ClientOptions options = new ClientOptions();
        CommandLine cli = new CommandLine(options);
        try {
            if (CommandLine.executeHelpRequest(cli.parseArgs(args)) != null) {
                return;
            }
            options.check(cli);
        } catch (CommandLine.ParameterException wrong) {
            cli.getErr().println(wrong.getMessage());
            cli.usage(cli.getErr());
            System.exit(2);
        }
        System.exit(run(options, System.out));
    }

    /** Runs the client (or the page server) until it is done; returns the exit status. */
    public static int run(ClientOptions options, PrintStream out) {
        options.describe().forEach(out::println);
        try {
            return options.servePage ? servePage(options, out) : new EchoClient(options, out).connectUntilDone();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CLOSED_ABNORMALLY;
        } catch (Exception failure) {
            out.println("Error: " + failure);
            return CONNECT_ERROR;
        }
    }

    private static int servePage(ClientOptions options, PrintStream out) throws Exception {
        PageServer pages = PageServer.start(options.host, options.port);
        out.println("Listening on http://" + options.host + ":" + pages.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pages.close();
            } catch (Exception ignored) {
                // the process is ending anyway
            }
        }, "ctrl-c"));
        pages.join();
        return OK;
    }

    private int connectUntilDone() throws Exception {
        WebSocketClient client = ClientFactory.newClient(options);
        Thread ctrlC = new Thread(this::goAway, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(ctrlC);
        try {
            Backoff backoff = new Backoff();
            while (true) {
                Attempt attempt = connectOnce(client);
                if (!options.reconnect || attempt.closedByUs() || stopRequested.getCount() == 0) {
                    return attempt.exitStatus();
                }
                if (attempt.opened()) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                out.println("Reconnecting in " + delay.toSeconds() + " s (try " + backoff.tries() + ")");
                if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return OK;
                }
            }
        } finally {
            removeHook(ctrlC);
            timer.shutdownNow();
            client.stop();
        }
    }

    private record Attempt(int exitStatus, boolean opened, boolean closedByUs) {
    }

    private Attempt connectOnce(WebSocketClient client) throws Exception {
        PrintingListener listener = PrintingListener.of(options.assembleFragments, out, this::startSending);
        current = listener;
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols(options.protocol);
        if (options.origin != null) {
            request.setHeader("Origin", options.origin);
        }
        try {
            client.connect(listener, options.url, request).get();
        } catch (ExecutionException failed) {
            out.println("Connect Error: " + ConnectError.describe(failed.getCause(), options.url));
            return new Attempt(CONNECT_ERROR, false, false);
        }
        int code = listener.closed().get();
        boolean normal = code == StatusCode.NORMAL || code == StatusCode.SHUTDOWN;
        return new Attempt(normal ? OK : CLOSED_ABNORMALLY, true, listener.closedByUs());
    }

    private void startSending(Session session) {
        OutgoingMessages outgoing = new OutgoingMessages(options, out);
        PrintingListener listener = current;
        Runnable done = () -> listener.close(StatusCode.NORMAL, "done", options.closeTimeoutMillis);
        RandomNumbers numbers = new RandomNumbers(session, options, outgoing, done, timer);
        if (options.send == null) {
            numbers.start();
        } else {
            // The numbers wait until --send is written: it may still be going out in frames.
            outgoing.text(session, options.send).whenComplete((ok, failure) -> numbers.start());
        }
    }

    // Ctrl+C: close the open connection with 1001 (going away) and let the server answer.
    private void goAway() {
        stopRequested.countDown();
        PrintingListener listener = current;
        if (listener == null || !listener.close(StatusCode.SHUTDOWN, "going away", options.closeTimeoutMillis)) {
            return;
        }
        try {
            listener.closed().get(options.closeTimeoutMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            // the close timeout has already dropped the connection
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C is in progress: the hook is running, nothing to remove
        }
    }
}
