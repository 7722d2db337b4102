package io.github.wsrecipes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.wsrecipes.support.Origins;
import org.junit.jupiter.api.Test;

/** io.origins: this machine's recipe pages by default, whatever name or address they were loaded from. */
class IoOriginsTest {

    private final IoOrigins byDefault = new IoOrigins(45_678, List.of());

    @Test
    void programsWithoutOriginAndThisMachinesRecipePagesAreAllowed() {
        assertThat(byDefault.test(null)).isTrue();
        assertThat(byDefault.test("http://localhost:8084")).isTrue();
        assertThat(byDefault.test("http://127.0.0.1:45678")).isTrue();
        assertThat(byDefault.test("http://[::1]:8081")).isTrue();
    }

    @Test
    void thePageLoadedFromALanAddressIsAllowed() {
        for (String address : Origins.lanAddresses()) {
            assertThat(byDefault.test("http://" + address + ":8084")).as(address).isTrue();
        }
    }

    @Test
    void foreignPagesOtherPortsAndNullAreRefused() {
        assertThat(byDefault.test("http://evil.example:8084")).isFalse(); // DNS rebinding: any Host, same port
        assertThat(byDefault.test("http://localhost:9999")).isFalse();
        assertThat(byDefault.test("null")).isFalse();
        assertThat(byDefault.test("garbage")).isFalse();
    }

    @Test
    void originsReplacesTheRuleWithItsOwnListAsHostPortFullOriginOrStar() {
        IoOrigins only = new IoOrigins(45_678, List.of("example.org:80", "http://localhost:8084"));
        assertThat(only.test("http://example.org")).isTrue();
        assertThat(only.test("http://localhost:8084")).isTrue();
        assertThat(only.test("http://127.0.0.1:45678")).isFalse();
        assertThat(new IoOrigins(1, List.of("*")).test("null")).isTrue();
        assertThat(new IoOrigins(1, List.of("*:*")).test("http://example.org")).isTrue();
    }
}
