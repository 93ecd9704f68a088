package org.zhucan.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business time zone. Meal dates, cutoffs and settlement periods are days in Shanghai,
 * whatever zone the server runs in; instants are stored in UTC.
 */
@Configuration(proxyBeanMethods = false)
public class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Today in Shanghai: the business date of meals, cutoffs and status changes. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The business date of an instant: the meal date of a meal served then. */
    public static LocalDate dateOf(java.time.Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** An instant as Shanghai wall-clock time to the minute, for messages: 2026-11-22 11:45. */
    public static String wallClock(java.time.Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    /**
     * One clock for the whole application, so that rules about "now" can be tested at their edges.
     * It ticks in microseconds, what an instant column keeps (see {@link StoredTime}).
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
