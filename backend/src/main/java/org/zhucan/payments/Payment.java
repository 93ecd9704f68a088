package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/** A movement of a diner's share (a row of payment): append-only. */
public record Payment(long id, PaymentKind kind, PaymentMethod method, Money amount, long siteId, long dinerId, long mealRecordId,
                      String externalReference, Long refundsId, String takenBy, Instant takenAt, LocalDate cashDate, Long cashDayId) {
}
