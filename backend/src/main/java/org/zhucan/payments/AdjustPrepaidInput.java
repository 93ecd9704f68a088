package org.zhucan.payments;

import org.zhucan.common.money.Money;

public record AdjustPrepaidInput(String idempotencyKey, long dinerId, Money amount, String reason) {

    AdjustPrepaidInput withoutKey() {
        return new AdjustPrepaidInput(null, dinerId, amount, reason);
    }
}
