package org.zhucan.serving;

import java.util.List;

import org.zhucan.common.error.UserError;

/** A record, or why not; {@code duplicateOf} when an upload's record was recorded before. */
public record RecordResult(MealRecord record, List<UserError> userErrors, MealRecord duplicateOf) {

    RecordResult(MealRecord record, List<UserError> userErrors) {
        this(record, userErrors, null);
    }

    static RecordResult failed(UserError error) {
        return new RecordResult(null, List.of(error));
    }

    static RecordResult failed(List<UserError> errors) {
        return new RecordResult(null, List.copyOf(errors));
    }

    static RecordResult duplicate(MealRecord earlier) {
        return new RecordResult(null, List.of(), earlier);
    }

    boolean failed() {
        return !userErrors.isEmpty() || duplicateOf != null;
    }
}
