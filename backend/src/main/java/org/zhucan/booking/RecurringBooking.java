package org.zhucan.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.zhucan.network.Fulfilment;
import org.zhucan.network.MealSlot;

/** The same meal booked on chosen weekdays between two dates; the job books each date as it enters the window. */
public record RecurringBooking(long id, long dinerId, long siteId, MealSlot slot, Fulfilment fulfilment, Set<DayOfWeek> weekdays,
                               LocalDate startsOn, LocalDate endsOn, String setMealName, String deliveryAddressEncrypted,
                               String deliveryAddressMasked, String createdBy) {

    /** Whether it books this date, pauses aside. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn) && weekdays.contains(date.getDayOfWeek());
    }

    /** A pause: nothing is booked from {@code from} to {@code to}, both included. */
    public record Pause(long recurringBookingId, LocalDate from, LocalDate to, String reason) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** A date the job could not book, and why (a user error code). */
    public record SkippedDay(long recurringBookingId, LocalDate date, String code, String message) {
    }
}
