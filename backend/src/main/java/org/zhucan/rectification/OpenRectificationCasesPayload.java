package org.zhucan.rectification;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The cases a closed month opened now (none when each was open already), or why none could be. */
public record OpenRectificationCasesPayload(List<RectificationCase> opened, List<UserError> userErrors) {
}
