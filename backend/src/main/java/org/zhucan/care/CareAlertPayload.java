package org.zhucan.care;

import java.util.List;

import org.zhucan.common.error.UserError;

/** An alert as it now stands, or why not. */
public record CareAlertPayload(CareAlert alert, List<UserError> userErrors) {

    static CareAlertPayload failed(UserError error) {
        return new CareAlertPayload(null, List.of(error));
    }
}
