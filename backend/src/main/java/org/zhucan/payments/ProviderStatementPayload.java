package org.zhucan.payments;

import java.util.List;

import org.zhucan.common.error.UserError;

/** An imported statement, or why not. */
public record ProviderStatementPayload(ProviderStatement statement, List<UserError> userErrors) {
}
