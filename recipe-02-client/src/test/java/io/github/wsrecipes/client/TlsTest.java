package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// against a server with a self-signed certificate: WebSocket-Node's tlsOptions. */
class TlsTest {

    private static final String PASSWORD = "kit-secret";

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static EchoServerForTests server;

    @BeforeAll
    static void startTlsServer() throws Exception {
        keyStore = dir.resolve("self-signed.p12");
        // keytool ships with every JDK: a self-signed certificate for 127.0.0.1, made for this run.
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kit", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        server = EchoServerForTests.startTls(keyStore, PASSWORD);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aSelfSignedServerIsAConnectErrorThatSaysWhatToDo() throws Exception {
        List<String> lines = CliRun.of(server.uri().toString(), "--count", "1").lines();

        assertThat(lines).anyMatch(line -> line.startsWith("Connect Error: TLS handshake failed")
                && line.contains("--trust-store") && line.contains("--insecure"));
    }

    @Test
    void theServersCertificateInATrustStoreConnects() throws Exception {
        List<String> lines = CliRun.of(server.uri().toString(), "--count", "1",
                "--trust-store", keyStore.toString(), "--trust-store-password", PASSWORD).lines();

        assertThat(lines).contains("WebSocket Client Connected", "Received: 'yo'", "Connection Closed: 1000 done");
    }

    @Test
    void insecureConnectsWithoutCheckingTheCertificate() throws Exception {
        List<String> lines = CliRun.of(server.uri().toString(), "--count", "1", "--insecure").lines();

        assertThat(lines).contains("WebSocket Client Connected", "Received: 'yo'", "Connection Closed: 1000 done");
    }
}
