package org.zhucan.settlement;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/** The input of setFundingBudget: what a source budgets for a district's year. */
public record SetFundingBudgetInput(long districtId, int year, FundingSource source, Money amount) {
}
