package io.github.wsrecipes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void answersPingOnItsPortAndIsGoneAfterClose() throws IOException {
        int port;
        try (RedisServer redis = RedisServer.start()) {
            port = redis.port();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                byte[] answer = in.readNBytes(7);
                assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
            }
        }
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                .orElse("").contains("--port " + port)).count()).as("redis-server processes left on port " + port).isZero();
    }
}
