package org.zhucan.payments;

/** A charge when a meal is recorded; a refund (negative) when it is voided or corrected. */
public enum PaymentKind {
    CHARGE, REFUND
}
