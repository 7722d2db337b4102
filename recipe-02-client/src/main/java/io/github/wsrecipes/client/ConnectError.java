package io.github.wsrecipes.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;

/** Says why a connection could not be made, the way WebSocket-Node's {@code connectFailed} did. */
final class ConnectError {

    private ConnectError() {
    }

    static String describe(Throwable failure, URI url) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() > 0) {
                int status = upgrade.getResponseStatusCode();
                return "the server refused the upgrade with HTTP " + status + " " + HttpStatus.getMessage(status)
                        + " (is --protocol or --origin one it accepts?)";
            }
            if (cause instanceof ConnectException) {
                return "connection refused: nothing listens on " + url.getHost() + ":" + port(url);
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + url.getHost();
            }
            if (cause instanceof SSLHandshakeException) {
                return "TLS handshake failed (" + cause.getMessage() + "); trust the server's certificate"
                        + " with --trust-store, or use --insecure for a self-signed demo";
            }
            if (cause instanceof TimeoutException) {
                return "no answer from " + url.getHost() + ":" + port(url) + " (" + cause.getMessage() + ")";
            }
        }
        return failure.toString();
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "wss".equals(url.getScheme()) ? 443 : 80;
    }
}
