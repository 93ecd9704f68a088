package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What serving asks to charge for a meal record it has just inserted: the diner's share (dinerPays, in fen) and
 * how it was paid. A share of 0 is recorded as FREE whatever the method said: nothing changed hands. The booking the
 * meal was booked by, if any: its advance, when it was paid in advance, pays the meal instead of the payment given.
 */
public record MealCharge(long mealRecordId, long siteId, long dinerId, LocalDate date, long amountFen, PaymentInput payment,
                         String takenBy, Instant takenAt, Long bookingId, BookingAdvance advance) {

    /**
     * The booking's open advance as the caller read it with the booking (null inside: none), when the caller holds the
     * booking at the version it read it at; a charge without it has its booking's advance read.
     */
    public record BookingAdvance(Payment open) {
    }
}
