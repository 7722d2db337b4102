package io.github.wsrecipes.client;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Builds Jetty's {@link WebSocketClient} with WebSocket-Node's client options (table 8-2) applied.
 * The options Jetty has no setting for (fragmenting what we send, the close timeout, printing
 * frames instead of messages) are done by {@link OutgoingMessages} and {@link PrintingListener}.
 */
final class ClientFactory {

    private ClientFactory() {
    }

    static WebSocketClient newClient(ClientOptions options) throws Exception {
        // The WebSocket client rides on Jetty's HttpClient: the upgrade is an HTTP request, and
        // TCP and TLS settings belong to the HttpClient's connector.
        HttpClient http = new HttpClient();
        http.getClientConnector().setTCPNoDelay(options.disableNagleAlgorithm);
        http.setSslContextFactory(tls(options));

        WebSocketClient client = new WebSocketClient(http);
        client.setMaxFrameSize(options.maxFrameSize);
        client.setMaxTextMessageSize(options.maxMessageSize);
        client.setMaxBinaryMessageSize(options.maxMessageSize);
        // Jetty would otherwise split an oversized incoming frame instead of refusing it with 1009.
        client.setAutoFragment(false);
        // The kit's own shutdown hook closes with 1001; Jetty's would race it.
        client.setStopAtShutdown(false);
        client.start();
        return client;
    }

    private static SslContextFactory.Client tls(ClientOptions options) {
        // WebSocket-Node took Node's tlsOptions ({ca, rejectUnauthorized}); Jetty's counterpart is
        // the SslContextFactory: a trust store for a private CA, trust-all for a self-signed demo.
        SslContextFactory.Client tls = new SslContextFactory.Client();
        if (options.trustStore != null) {
            tls.setTrustStorePath(options.trustStore.toString());
            tls.setTrustStorePassword(options.trustStorePassword);
        }
        if (options.insecure) {
            tls.setTrustAll(true);
            tls.setEndpointIdentificationAlgorithm(null);
        }
        return tls;
    }
}
