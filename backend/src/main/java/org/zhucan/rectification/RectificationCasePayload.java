package org.zhucan.rectification;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The case after a step, or why the step was refused (nothing changed). */
public record RectificationCasePayload(RectificationCase rectificationCase, List<UserError> userErrors) {

    static RectificationCasePayload failed(UserError error) {
        return new RectificationCasePayload(null, List.of(error));
    }
}
