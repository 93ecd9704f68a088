package org.zhucan.testsupport;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.zhucan.common.time.BusinessTime;

/**
 * For a benchmark whose figures are taken on today's business date (meals served now, bookings for today): a run that
 * crossed midnight in Shanghai would find today's bookings closed or its meals dated tomorrow, so it starts only with
 * the whole of its expected length left before midnight, waiting for the new day otherwise.
 */
public final class BusinessDayAhead {

    private BusinessDayAhead() {
    }

    /** Today's business date, once at least {@code runLength} of it is left (after waiting past midnight if not). */
    public static LocalDate todayWithAtLeast(Duration runLength) throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(BusinessTime.ZONE);
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(BusinessTime.ZONE);
        if (now.plus(runLength).isAfter(midnight)) {
            Duration wait = Duration.between(now, midnight).plusSeconds(5);
            System.out.printf("less than %d min left of %s in Shanghai: waiting %d s for the next day%n", runLength.toMinutes(),
                    now.toLocalDate(), wait.toSeconds());
            Thread.sleep(wait.toMillis());
        }
        return LocalDate.now(BusinessTime.ZONE);
    }
}
