package org.zhucan.payments;

/** A charge when a meal is recorded or a booking paid in advance; a refund (negative) when it is voided or corrected, or the booking cancelled. */
public enum PaymentKind {
    CHARGE, REFUND
}
