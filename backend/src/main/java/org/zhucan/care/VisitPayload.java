package org.zhucan.care;

import java.util.List;

import org.zhucan.common.error.UserError;

public record VisitPayload(Visit visit, List<UserError> userErrors) {
}
