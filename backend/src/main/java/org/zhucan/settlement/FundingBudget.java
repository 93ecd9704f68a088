package org.zhucan.settlement;

import java.time.Instant;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/** What a source has set aside for a district's meal subsidies in a year (年度预算). */
public record FundingBudget(long districtId, int year, FundingSource source, Money amount, String updatedBy, Instant updatedAt) {
}
