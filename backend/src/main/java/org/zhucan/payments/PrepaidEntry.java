package org.zhucan.payments;

import java.time.Instant;

import org.zhucan.common.money.Money;

/**
 * An entry of a diner's prepaid ledger (append-only); {@code balanceAfter} is the running sum up to and including it;
 * {@code bookingId} the booking whose advance (or its refund) it is, if any.
 */
public record PrepaidEntry(long id, long dinerId, PrepaidEntryKind kind, Money amount, Money balanceAfter, PaymentMethod method,
                           String externalReference, Long paymentId, Long siteId, String reason, String createdBy, Instant createdAt,
                           Long bookingId) {
}
