package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Published by {@link EvaluationCloseService#close} inside its transaction once a district's month is
 * frozen: what acts on the frozen scores (a rectification case against a weak operator) does so in
 * the same transaction, all or nothing, and never from figures that could still move.
 *
 * @param scores each ranked operator's frozen score; an operator with nothing to score is left out
 * @param closedBy the account that closed the month
 */
public record EvaluationMonthClosed(long districtId, YearMonth month, List<OperatorScore> scores, String closedBy) {

    /** An operator's frozen score, 0–100 with two decimals. */
    public record OperatorScore(long operatorId, BigDecimal score) {
    }
}
