package org.zhucan.payments;

import java.util.List;

/** How many balances were checked, and those that do not add up. */
public record PrepaidLedgerCheck(int checkedCount, List<PrepaidMismatch> mismatches) {
}
