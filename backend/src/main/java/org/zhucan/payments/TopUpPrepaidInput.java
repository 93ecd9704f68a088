package org.zhucan.payments;

import org.zhucan.common.money.Money;

public record TopUpPrepaidInput(String idempotencyKey, long dinerId, long siteId, Money amount, PaymentMethod method, String externalReference) {

    TopUpPrepaidInput withoutKey() {
        return new TopUpPrepaidInput(null, dinerId, siteId, amount, method, externalReference);
    }
}
