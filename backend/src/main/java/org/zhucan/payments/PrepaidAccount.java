package org.zhucan.payments;

import org.zhucan.common.money.Money;

/** A diner's balance beside the sum of its ledger; {@code consistent} when they agree, as they always should. */
public record PrepaidAccount(long dinerId, Money balance, Money ledgerSum, boolean consistent) {

    static PrepaidAccount of(long dinerId, long balanceFen, long ledgerSumFen) {
        return new PrepaidAccount(dinerId, Money.ofFen(balanceFen), Money.ofFen(ledgerSumFen), balanceFen == ledgerSumFen);
    }
}
