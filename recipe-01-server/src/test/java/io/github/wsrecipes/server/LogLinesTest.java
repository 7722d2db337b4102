package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** What a peer sends reaches the log as one short line at most: it can neither forge lines nor flood. */
class LogLinesTest {

    @RegisterExtension
    final LiveServers live = new LiveServers();

    private final Logger endpointLog = (Logger) LoggerFactory.getLogger(EchoEndpoint.class);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> recorder = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }
    };

    @BeforeEach
    void record() {
        recorder.start();
        endpointLog.addAppender(recorder);
    }

    @AfterEach
    void stopRecording() {
        endpointLog.detachAppender(recorder);
    }

    @Test
    void aMessageIsLoggedEscapedAndCutTo200Characters() throws Exception {
        String forged = "hi\n12:00:00.000 ERROR EchoServer - FORGED\u001b[2J" + "x".repeat(5_000);

        echo(live.start(), forged);

        String line = lines.stream().filter(l -> l.startsWith("Received Message: ")).findFirst().orElseThrow();
        assertThat(line).startsWith("Received Message: hi\\n12:00:00.000 ERROR EchoServer - FORGED\\u001b[2J")
                .doesNotContain("\n", "\u001b").endsWith("… (" + forged.length() + " chars)");
        assertThat(line.length()).isLessThan(300);
    }

    @Test
    void quietLogsConnectsAndClosesButNoMessages() throws Exception {
        EchoServer server = live.start("--quiet");

        echo(server, "not to be logged");
        server.stop();

        assertThat(lines).anyMatch(l -> l.startsWith("Connected: "))
                .anyMatch(l -> l.startsWith("Disconnected: ") && l.endsWith("1001 server is shutting down"))
                .noneMatch(l -> l.contains("not to be logged"));
    }

    /** Sends one text and waits for its echo: by then the server has logged it. */
    private void echo(EchoServer server, String text) throws Exception {
        Peer peer = new Peer.Messages();
        Session session = live.connect(server, peer, "echo-protocol");
        assertThat(peer.next()).isEqualTo("yo");
        session.sendText(text, Callback.NOOP);
        assertThat(peer.next()).isEqualTo(text);
    }
}
