package org.zhucan.evaluation;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What closeEvaluationMonth answers: the frozen ranking, or why the month was not closed. */
public record CloseEvaluationMonthResult(EvaluationService.Ranking ranking, List<UserError> userErrors) {

    static CloseEvaluationMonthResult failed(UserError error) {
        return new CloseEvaluationMonthResult(null, List.of(error));
    }
}
