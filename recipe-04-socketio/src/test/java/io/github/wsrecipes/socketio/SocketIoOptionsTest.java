package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParameterException;

class SocketIoOptionsTest {

    @Test
    void defaultsAreTheChaptersPortsPathAndTick() {
        SocketIoOptions options = SocketIoOptions.parse();

        assertThat(options.port).isEqualTo(8084);
        assertThat(options.socketIoPort).isEqualTo(3004);
        assertThat(options.host).isEqualTo("localhost");
        assertThat(options.path).isEqualTo("/socket.io");
        assertThat(options.tickMillis).isEqualTo(5000);
        assertThat(options.token).isNull();
        assertThat(options.origins).isEmpty();
    }

    @Test
    void originsAreACommaSeparatedList() {
        assertThat(SocketIoOptions.parse("--origins", "localhost:8084,example.org:80").origins)
                .containsExactly("localhost:8084", "example.org:80");
    }

    @Test
    void aTickOfZeroIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SocketIoOptions.parse("--tick", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--tick must be more than 0");
    }

    @Test
    void aPathWithoutLeadingSlashOrWithOddCharactersIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SocketIoOptions.parse("--path", "websocket"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--path must start with /");
        assertThatThrownBy(() -> SocketIoOptions.parse("--path", "/web\"socket"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--path must start with /");
    }
}
