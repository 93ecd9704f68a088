package org.zhucan.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' frozen evaluation scores of closed months (考核结果), as a quality-weighted operating
 * subsidy needs them.
 *
 * <p>A port, implemented by the evaluation feature: evaluation already reads settlement (a month's
 * meals and statements feed its measures), so settlement asking evaluation's service directly would
 * make a cycle that {@code ModularityTests} refuses. Settlement owns the question it needs answered;
 * evaluation, which may depend on settlement, answers it. Only frozen scores are offered: a live,
 * still moving score must never set a payment.
 */
public interface FrozenScores {

    /**
     * Of the months given, those whose evaluation the district has closed, each with the operator's
     * frozen score; an empty score when the closed month holds none for the operator (it could not be
     * scored, or was not ranked). A month not closed is absent.
     */
    Map<YearMonth, Optional<BigDecimal>> of(long districtId, long operatorId, Collection<YearMonth> months);
}
