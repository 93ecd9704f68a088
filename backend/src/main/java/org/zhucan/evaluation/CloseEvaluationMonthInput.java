package org.zhucan.evaluation;

import java.time.YearMonth;

/** What closeEvaluationMonth takes: the district and the month that is over (考核月结). */
public record CloseEvaluationMonthInput(Long districtId, YearMonth month) {
}
