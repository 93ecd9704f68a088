package org.zhucan.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A district's evaluation weights in percent (summing to 100), in force from a month on (考核权重). */
public record EvaluationWeights(long districtId, LocalDate effectiveFrom, int operatingRate, int satisfaction, int inspection, int flags,
                                int noShow, String setBy, Instant setAt) {

    public YearMonth effectiveMonth() {
        return YearMonth.from(effectiveFrom);
    }

    public int weightOf(EvaluationMetric metric) {
        return switch (metric) {
            case OPERATING_RATE -> operatingRate;
            case SATISFACTION -> satisfaction;
            case INSPECTION -> inspection;
            case FLAGS -> flags;
            case NO_SHOW -> noShow;
        };
    }
}
