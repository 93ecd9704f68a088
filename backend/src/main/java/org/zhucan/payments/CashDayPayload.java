package org.zhucan.payments;

import java.util.List;

import org.zhucan.common.error.UserError;

/** A cash day after a count or its close, or why not. */
public record CashDayPayload(CashDay cashDay, List<UserError> userErrors) {

    static CashDayPayload failed(List<UserError> errors) {
        return new CashDayPayload(null, List.copyOf(errors));
    }

    static CashDayPayload failed(UserError error) {
        return new CashDayPayload(null, List.of(error));
    }
}
