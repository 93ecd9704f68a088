package org.zhucan.settlement;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/** A statement's (or a district's) total for one funding source. */
public record SourceAmount(long ownerId, FundingSource source, Money amount) {
}
