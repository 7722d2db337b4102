package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.corundumstudio.socketio.HandshakeData;

import io.netty.handler.codec.http.DefaultHttpHeaders;

/** The origin and token rules on their own, without a server. */
class HandshakeCheckTest {

    private final HandshakeCheck pageOnly = new HandshakeCheck(null, List.of("localhost:8084", "127.0.0.1:8084"));

    @Test
    void aRequestWithoutOriginFromANonBrowserClientPasses() {
        assertThat(pageOnly.refusal(handshake(null, null))).isNull();
    }

    @Test
    void thePageServersOriginPassesAndAnyOtherIsRefusedByName() {
        assertThat(pageOnly.refusal(handshake("http://127.0.0.1:8084", null))).isNull();
        assertThat(pageOnly.refusal(handshake("http://localhost:9999", null))).contains("http://localhost:9999");
        assertThat(pageOnly.refusal(handshake("https://localhost", null))).contains("https://localhost");
    }

    @Test
    void aFilePageWithOriginNullIsRefusedUnlessEveryOriginIsAllowed() {
        assertThat(pageOnly.refusal(handshake("null", null))).contains("origin null");
        assertThat(new HandshakeCheck(null, List.of("*")).refusal(handshake("null", null))).isNull();
    }

    @Test
    void originsMayAlsoBeGivenAsFullOriginsOrAsNodesAnyPattern() {
        assertThat(new HandshakeCheck(null, List.of("http://localhost:8084")).refusal(handshake("http://localhost:8084", null))).isNull();
        assertThat(new HandshakeCheck(null, List.of("*:*")).refusal(handshake("http://example.org", null))).isNull();
    }

    @Test
    void theTokenMustBePresentAndEqual() {
        HandshakeCheck guarded = new HandshakeCheck("s3cret", List.of("*"));

        assertThat(guarded.refusal(handshake(null, null))).startsWith("no token");
        assertThat(guarded.refusal(handshake(null, "s3cre"))).isEqualTo("wrong token");
        assertThat(guarded.refusal(handshake(null, "s3cret"))).isNull();
    }

    private static HandshakeData handshake(String origin, String token) {
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        if (origin != null) {
            headers.add("Origin", origin);
        }
        Map<String, List<String>> query = token == null ? Map.of() : Map.of("token", List.of(token));
        return new HandshakeData(headers, query, new InetSocketAddress("127.0.0.1", 50000), "/socket.io/", origin != null);
    }
}
