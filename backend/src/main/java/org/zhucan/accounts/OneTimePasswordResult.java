package org.zhucan.accounts;

import java.util.List;

import org.zhucan.common.error.UserError;

/** The payload of createAccount and resetPassword: the one-time password is shown here once. */
public record OneTimePasswordResult(ManagedAccount account, String oneTimePassword, List<UserError> userErrors) {
}
