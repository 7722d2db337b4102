package io.github.wsrecipes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class NginxTest {

    private static String answering(String text, int port) {
        return """
                pid nginx.pid;
                events {}
                http {
                    access_log off;
                    client_body_temp_path client_body_temp;
                    proxy_temp_path proxy_temp;
                    fastcgi_temp_path fastcgi_temp;
                    uwsgi_temp_path uwsgi_temp;
                    scgi_temp_path scgi_temp;
                    server {
                        listen 127.0.0.1:%d;
                        location / { return 200 "%s"; }
                    }
                }
                """.formatted(port, text);
    }

    @Test
    void answersOnItsPortAndIsGoneAfterClose() throws Exception {
        int port;
        long pid;
        try (Nginx nginx = Nginx.start(port1 -> answering("hello from nginx", port1))) {
            port = nginx.port();
            pid = nginx.pid();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(nginx.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("hello from nginx");
        }
        assertThat(ProcessHandle.of(pid)).as("the nginx master " + pid).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aConfigurationWithoutAPidLineKeepsItsPidFileInsideItsOwnFolder() throws Exception {
        try (Nginx nginx = Nginx.start(port -> answering("no pid line", port).replace("pid nginx.pid;", ""))) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(nginx.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("no pid line");
            assertThat(Files.readString(nginx.folder().resolve("nginx.pid")).trim()).isEqualTo(String.valueOf(nginx.pid()));
        }
    }

    @Test
    void aBrokenConfigurationFailsWithNginxsOwnWords() {
        Nginx.binary(); // skipped (or failed) here, not inside the assertion below
        assertThatThrownBy(() -> Nginx.start(port -> answering("x", port).replace("access_log off;", "acess_log off;")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("unknown directive \"acess_log\"");
    }

    @Test
    void aPortTakenBeforeNginxBindsItIsReportedAndNotMistakenForNginx() throws IOException {
        Nginx.binary();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Nginx.start(taken.getLocalPort(), port -> answering("x", port)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Address already in use");
        }
    }
}
