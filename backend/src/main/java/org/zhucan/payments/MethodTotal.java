package org.zhucan.payments;

import org.zhucan.common.money.Money;

/** A method's meal takings of a day, refunds netted, and how many payments. */
public record MethodTotal(PaymentMethod method, Money amount, int count) {
}
