package org.zhucan.accounts;

/** resetPassword's input. */
public record ResetPasswordInput(Long accountId) {
}
