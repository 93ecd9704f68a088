package org.zhucan.settlement;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/** One funding source's line of a {@link Reconciliation}. */
public record SourceReconciliation(FundingSource source, Money budget, Money committed, Money paid, Money remaining,
                                   Money recordSubsidy, Money statementSubsidy, Money operatingSubsidy, Money difference) {
}
