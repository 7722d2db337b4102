package io.github.wsrecipes.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleFromOneSecondUpToThirtySeconds() {
        Backoff backoff = new Backoff();

        Stream<Long> seconds = Stream.generate(backoff::next).limit(8).map(Duration::toSeconds);

        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.tries()).isEqualTo(8);
    }

    @Test
    void aGoodConnectionStartsOverAtOneSecond() {
        Backoff backoff = new Backoff();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
