package org.zhucan.settlement;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/**
 * A line of a statement: per site, funding source and diner category.
 *
 * @param dinerCategory the category that qualified the diners, empty when their tier was by age alone (and for operating subsidy)
 * @param quantity meals net of reversals, or for OPERATING_SUBSIDY diner-days
 */
public record SettlementLine(long id, long statementId, SettlementLineKind kind, long siteId, FundingSource source, String dinerCategory,
                             int quantity, Money amount) {
}
