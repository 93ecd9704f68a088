package org.zhucan.settlement;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of setFundingBudget: the budget as set, or why not. */
public record BudgetResult(FundingBudget budget, List<UserError> userErrors) {
}
