package org.zhucan.settlement;

import java.util.List;

import org.zhucan.common.error.UserError;

/** A statement mutation's payload: the statement and the parts asked of it, read in the mutation's transaction. */
public record StatementResult(SettlementStatement statement, List<UserError> userErrors, StatementContents contents) {

    static StatementResult of(SettlementStatement statement, StatementContents contents) {
        return new StatementResult(statement, List.of(), contents);
    }

    static StatementResult failed(UserError error) {
        return new StatementResult(null, List.of(error), StatementContents.NONE);
    }

    static StatementResult failed(List<UserError> errors) {
        return new StatementResult(null, List.copyOf(errors), StatementContents.NONE);
    }
}
