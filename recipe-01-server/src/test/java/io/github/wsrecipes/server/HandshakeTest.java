package io.github.wsrecipes.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    @Test
    void acceptValueMatchesTheSampleOfRfc6455() {
        assertThat(UpgradeCheck.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }
}
