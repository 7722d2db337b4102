package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheChaptersPortsPathAndTick() {
        Options options = new Options();

        assertThat(options.parse()).isEmpty();
        assertThat(options.config()).isEqualTo("Config: host=localhost, port=8084, socketIoPort=3004, path=/socket.io, tick=5000, "
                + "token=none, origins=this machine's recipe pages, maxSessions=500, quiet=false");
    }

    @Test
    void originsAreACommaSeparatedList() {
        Options options = new Options();
        assertThat(options.parse("--origins", "localhost:8084,example.org:80")).isEmpty();
        assertThat(options.origins).containsExactly("localhost:8084", "example.org:80");
    }

    @Test
    void wrongValuesAreUsageErrors() {
        assertThat(new Options().parse("--tick", "0")).hasValue(2);
        assertThat(new Options().parse("--path", "websocket")).hasValue(2);
        assertThat(new Options().parse("--path", "/web\"socket")).hasValue(2);
        assertThat(new Options().parse("--max-sessions", "0")).hasValue(2);
        assertThat(new Options().parse("--socketio-port", "65536")).hasValue(2);
    }
}
