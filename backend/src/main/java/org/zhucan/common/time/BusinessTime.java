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

    /** One clock for the whole application, so that rules about "now" can be tested at their edges. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
