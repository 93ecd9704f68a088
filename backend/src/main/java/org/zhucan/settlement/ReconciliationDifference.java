package org.zhucan.settlement;

import org.zhucan.common.money.Money;

/** A record that makes a difference; the statement that holds it as read with the sums, when asked for. */
public record ReconciliationDifference(long mealRecordId, ReconciliationDifferenceReason reason, Long statementId, Money subsidy,
                                       SettlementStatement statement) {
}
