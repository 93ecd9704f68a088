package org.zhucan.accounts;

/** disableAccount's input. */
public record DisableAccountInput(Long accountId) {
}
