package org.zhucan.payments;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The balance after a top-up or adjustment with the entry written, or why not. */
public record PrepaidPayload(PrepaidAccount account, PrepaidEntry entry, List<UserError> userErrors) {

    static PrepaidPayload failed(UserError error) {
        return new PrepaidPayload(null, null, List.of(error));
    }

    static PrepaidPayload failed(List<UserError> errors) {
        return new PrepaidPayload(null, null, List.copyOf(errors));
    }

    boolean isFailed() {
        return !userErrors.isEmpty();
    }
}
