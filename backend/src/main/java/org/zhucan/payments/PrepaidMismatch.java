package org.zhucan.payments;

import org.zhucan.common.money.Money;

/** A balance that is not the sum of its entries. */
public record PrepaidMismatch(long dinerId, Money balance, Money ledgerSum) {
}
