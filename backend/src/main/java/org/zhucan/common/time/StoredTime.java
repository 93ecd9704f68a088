package org.zhucan.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the database keeps them. Every instant column is DATETIME(6): microseconds. The
 * clock (and a client) can give nanoseconds, which MariaDB truncates and MySQL rounds; an answer
 * built from the instant in hand would then differ from the same thing read back, e.g. an
 * idempotent replay. So every writer takes "now" from {@link #now} and truncates any other instant
 * with {@link #of} before it both stores and returns it (the DateTime scalar does so for input).
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** Now, to the microsecond. */
    public static Instant now(Clock clock) {
        return of(clock.instant());
    }

    /** The instant to the microsecond (null stays null). */
    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
