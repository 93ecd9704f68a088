package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/**
 * A movement of a diner's share (a row of payment): append-only, but for the one link of a booking's advance to the
 * meal record it paid. A meal's payment has its meal record; a booking's advance (and its refund) has its booking,
 * and the meal record too once the advance paid the meal.
 */
public record Payment(long id, PaymentKind kind, PaymentMethod method, Money amount, long siteId, long dinerId, Long mealRecordId, Long bookingId,
                      String externalReference, Long refundsId, String takenBy, Instant takenAt, LocalDate cashDate, Long cashDayId) {
}
