package org.zhucan.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test stops it at an instant, e.g. one
 * nanosecond before a booking cutoff. Tests that stop it put it back with {@link #resume()}.
 * Tokens are checked against real time, so a test logs in before it moves the clock.
 */
public class TestClock extends Clock {

    private final AtomicReference<Instant> stoppedAt = new AtomicReference<>();

    public void stopAt(Instant instant) {
        stoppedAt.set(instant);
    }

    public void resume() {
        stoppedAt.set(null);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt.get();
        return stopped != null ? stopped : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock clock = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock.withZone(other);
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        };
    }

    /** Replaces the application's clock in every test context (it is found by component scan of the test classpath). */
    @Configuration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
