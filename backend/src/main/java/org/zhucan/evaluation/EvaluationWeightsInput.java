package org.zhucan.evaluation;

import java.time.YearMonth;

/** setEvaluationWeights: a district's weights in percent, from a month on. */
public record EvaluationWeightsInput(long districtId, YearMonth effectiveMonth, int operatingRate, int satisfaction, int inspection,
                                     int flags, int noShow) {

    int sum() {
        return operatingRate + satisfaction + inspection + flags + noShow;
    }
}
