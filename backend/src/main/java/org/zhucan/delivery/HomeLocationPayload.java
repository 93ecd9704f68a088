package org.zhucan.delivery;

import java.util.List;

import org.zhucan.common.error.UserError;

/** Whether the location was set; the position itself is not sent back. */
public record HomeLocationPayload(boolean set, List<UserError> userErrors) {
}
