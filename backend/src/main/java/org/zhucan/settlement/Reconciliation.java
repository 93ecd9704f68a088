package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.common.money.Money;

/**
 * A district's reconciliation (对账) of a period: per source and in total, and the records that make a difference.
 *
 * @param statements the listed differences' statements and the parts asked of them, read with the sums
 */
public record Reconciliation(long districtId, LocalDate periodStart, LocalDate periodEnd, int year, List<SourceReconciliation> sources,
                             Money recordSubsidy, Money statementSubsidy, Money difference, long differenceCount,
                             List<ReconciliationDifference> differences, boolean balanced, StatementContents statements) {
}
