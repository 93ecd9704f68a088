package org.zhucan.accounts;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of updateAccount, disableAccount and enableAccount. */
public record AccountResult(ManagedAccount account, List<UserError> userErrors) {
}
