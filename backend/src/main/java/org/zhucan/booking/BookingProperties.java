package org.zhucan.booking;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record BookingProperties(
        @Min(0) @Max(60) int windowDays,
        boolean jobsEnabled,
        @NotNull @DurationMin(inclusive = false) Duration recurringEvery,
        @NotNull @DurationMin(inclusive = false) Duration noShowEvery) {
}
