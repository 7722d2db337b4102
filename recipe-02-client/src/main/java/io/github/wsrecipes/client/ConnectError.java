package io.github.wsrecipes.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import io.github.wsrecipes.support.PeerText;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;

/** Why a connection could not be made, as WebSocket-Node's {@code connectFailed} said it. */
final class ConnectError {

    private ConnectError() {
    }

    static String describe(Throwable failure, URI url) {
        String where = url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : "wss".equals(url.getScheme()) ? 443 : 80);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() > 0) {
                int status = upgrade.getResponseStatusCode();
                return "the server refused the upgrade with HTTP " + status + " " + HttpStatus.getMessage(status)
                        + " (is --protocol or --origin one it accepts?)";
            } else if (cause instanceof ConnectException) {
                return "connection refused: nothing listens on " + where;
            } else if (cause instanceof UnknownHostException) {
                return "unknown host " + url.getHost();
            } else if (cause instanceof SSLHandshakeException) {
                return "TLS handshake failed (" + PeerText.of(cause.getMessage()) + "); trust the server's certificate"
                        + " with --trust-store, or use --insecure for a self-signed demo";
            }
        }
        return PeerText.of(failure.toString());
    }
}
