package org.zhucan.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.zhucan.booking.CounterBookings;
import org.zhucan.diner.QuoteFacts;
import org.zhucan.menu.MenuChoices;
import org.zhucan.network.Site;
import org.zhucan.network.SiteSlot;
import org.zhucan.payments.MealCharge;
import org.zhucan.payments.Payment;
import org.zhucan.payments.PaymentInput;

/**
 * A meal checked and ready to quote and insert. A meal of a booking the counter read has the booking as read
 * ({@code bookingRead}): its version, at which alone it is marked served, and its open advance, which then needs no
 * second read; without it (a correction, or a booking that changed after it was read) the booking is marked whatever
 * its version and its advance read when the meal is charged.
 */
record Meal(Site site, SiteSlot slot, QuoteFacts diner, LocalDate date, Instant servedAt, Long bookingId, BookingRead bookingRead,
            VerificationMethod method, String note, List<MenuChoices.Priced> items, long priceFen, PaymentInput payment) {

    /** The same meal of the diner whose facts are these: a counter meal's, read once it is written ({@link CounterMealBatches}). */
    Meal withDiner(QuoteFacts facts) {
        return new Meal(site, slot, facts, date, servedAt, bookingId, bookingRead, method, note, items, priceFen, payment);
    }

    /** The same meal, its booking to be marked and its advance read as they are when it is written. */
    Meal withoutBookingRead() {
        return new Meal(site, slot, diner, date, servedAt, bookingId, null, method, note, items, priceFen, payment);
    }

    /** The booking to mark served, at the version it was read at if it was; null for a meal of no booking. */
    CounterBookings.Serve bookingToMark() {
        return bookingId == null ? null : new CounterBookings.Serve(bookingId, bookingRead == null ? null : bookingRead.version());
    }

    /** The booking's advance as read with it, for its charge; null when it was not read so (nor for a meal of no booking). */
    MealCharge.BookingAdvance advanceRead() {
        return bookingRead == null ? null : new MealCharge.BookingAdvance(bookingRead.openAdvance());
    }

    /** A booking as the counter read it: its version and its open advance (null: none). */
    record BookingRead(int version, Payment openAdvance) {
    }
}
