package org.zhucan.accounts;

/** enableAccount's input. */
public record EnableAccountInput(Long accountId) {
}
