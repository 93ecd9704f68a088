package org.zhucan.settlement;

import java.math.BigDecimal;

import org.zhucan.common.money.Money;
import org.zhucan.subsidy.FundingSource;

/**
 * A line of a statement: per site, funding source and diner category.
 *
 * @param dinerCategory the category that qualified the diners, empty when their tier was by age alone (and for operating subsidy)
 * @param quantity meals net of reversals, or for OPERATING_SUBSIDY diner-days
 * @param evaluationMonth for an operating subsidy scaled by the operator's frozen evaluation score, the month of that score
 *                        (e.g. "2026-11"); empty on every other line
 * @param evaluationScore the frozen score applied; null when unscaled
 * @param bandMinScore the lower bound of the band the score fell in; null when unscaled
 * @param percentBasisPoints the share of the operating subsidy paid, 10000 when unscaled
 */
public record SettlementLine(long id, long statementId, SettlementLineKind kind, long siteId, FundingSource source, String dinerCategory,
                             int quantity, Money amount, String evaluationMonth, BigDecimal evaluationScore, Integer bandMinScore,
                             int percentBasisPoints) {

    /** Whether the line was scaled by a frozen evaluation score. */
    public boolean scaled() {
        return !evaluationMonth.isEmpty();
    }
}
