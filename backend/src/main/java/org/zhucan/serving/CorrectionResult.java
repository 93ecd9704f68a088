package org.zhucan.serving;

import java.util.List;

import org.zhucan.common.error.UserError;

public record CorrectionResult(MealRecord voided, MealRecord reversal, MealRecord replacement, List<UserError> userErrors) {

    static CorrectionResult failed(UserError error) {
        return failed(List.of(error));
    }

    static CorrectionResult failed(List<UserError> errors) {
        return new CorrectionResult(null, null, null, List.copyOf(errors));
    }

    boolean failed() {
        return !userErrors.isEmpty();
    }
}
