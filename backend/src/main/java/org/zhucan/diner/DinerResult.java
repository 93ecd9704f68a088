package org.zhucan.diner;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What a change to a diner answers: the diner, or the user errors that stopped it. */
public record DinerResult(Diner diner, List<UserError> userErrors) {
    static DinerResult failed(UserError error) {
        return new DinerResult(null, List.of(error));
    }

    static DinerResult failed(List<UserError> errors) {
        return new DinerResult(null, List.copyOf(errors));
    }
}
