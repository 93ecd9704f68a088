package org.zhucan.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking settings.
 *
 * @param windowDays how many days ahead a meal can be booked (today plus this many)
 * @param jobsEnabled whether this instance runs the recurring-booking and no-show jobs on a schedule
 *     (every instance may: both jobs are safe to run concurrently)
 * @param recurringEvery how often recurring bookings are materialised across the window
 * @param noShowEvery how often bookings past the end of their slot become NO_SHOW
 */
@ConfigurationProperties("zhucan.booking")
public record BookingProperties(int windowDays, boolean jobsEnabled, Duration recurringEvery, Duration noShowEvery) {

    public BookingProperties {
        if (windowDays < 0 || windowDays > 60) {
            throw new IllegalArgumentException("zhucan.booking.window-days must be between 0 and 60, not " + windowDays);
        }
    }
}
