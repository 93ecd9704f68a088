package org.zhucan.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.zhucan.common.idempotency.IdempotencyKeys;

/**
 * The booking jobs on a schedule: materialise recurring bookings, mark no-shows, sweep expired
 * idempotency keys. Every instance may run them at once (each is safe concurrently); set
 * {@code ZHUCAN_BOOKING_JOBS=false} to keep an instance out. Tests run the jobs by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "zhucan.booking.jobs-enabled", havingValue = "true")
class BookingJobs {

    private static final Logger log = LoggerFactory.getLogger(BookingJobs.class);

    private final RecurringBookingService recurringBookings;
    private final BookingService bookings;
    private final IdempotencyKeys idempotencyKeys;

    BookingJobs(RecurringBookingService recurringBookings, BookingService bookings, IdempotencyKeys idempotencyKeys) {
        this.recurringBookings = recurringBookings;
        this.bookings = bookings;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${zhucan.booking.recurring-every}")
    void materialiseRecurringBookings() {
        int made = recurringBookings.materialise();
        if (made > 0) {
            log.info("recurring bookings: {} bookings made", made);
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${zhucan.booking.no-show-every}")
    void markNoShowsAndSweepKeys() {
        int noShows = bookings.markNoShows();
        int expired = idempotencyKeys.sweepExpired();
        if (noShows > 0 || expired > 0) {
            log.info("bookings: {} marked NO_SHOW; {} expired idempotency keys removed", noShows, expired);
        }
    }
}
