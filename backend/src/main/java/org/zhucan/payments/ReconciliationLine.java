package org.zhucan.payments;

import org.zhucan.common.money.Money;

/** A reference on either side: our net amount, the statement's, and how they matched. */
public record ReconciliationLine(String reference, Money ours, Money theirs, ReconciliationStatus status) {
}
