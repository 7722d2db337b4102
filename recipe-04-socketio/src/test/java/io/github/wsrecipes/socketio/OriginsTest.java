package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** io.origins: this machine's recipe pages by default, whatever name or address they were loaded from. */
class OriginsTest {

    private final Origins byDefault = new Origins(45_678, List.of());

    @Test
    void programsWithoutOriginAndThisMachinesRecipePagesAreAllowed() {
        assertThat(byDefault.allows(null)).isTrue();
        assertThat(byDefault.allows("http://localhost:8084")).isTrue();
        assertThat(byDefault.allows("http://127.0.0.1:45678")).isTrue();
        assertThat(byDefault.allows("http://[::1]:8081")).isTrue();
    }

    @Test
    void thePageLoadedFromALanAddressIsAllowed() {
        for (String address : Origins.lanAddresses()) {
            assertThat(byDefault.allows("http://" + address + ":8084")).as(address).isTrue();
        }
    }

    @Test
    void foreignPagesOtherPortsAndNullAreRefused() {
        assertThat(byDefault.allows("http://evil.example:8084")).isFalse(); // DNS rebinding: any Host, same port
        assertThat(byDefault.allows("http://localhost:9999")).isFalse();
        assertThat(byDefault.allows("null")).isFalse();
        assertThat(byDefault.allows("garbage")).isFalse();
    }

    @Test
    void originsReplacesTheRuleWithItsOwnListAsHostPortFullOriginOrStar() {
        Origins only = new Origins(45_678, List.of("example.org:80", "http://localhost:8084"));
        assertThat(only.allows("http://example.org")).isTrue();
        assertThat(only.allows("http://localhost:8084")).isTrue();
        assertThat(only.allows("http://127.0.0.1:45678")).isFalse();
        assertThat(new Origins(1, List.of("*")).allows("null")).isTrue();
        assertThat(new Origins(1, List.of("*:*")).allows("http://example.org")).isTrue();
    }
}
