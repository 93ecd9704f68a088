package org.zhucan.serving;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.PaymentInput;

public record LogMealInput(String idempotencyKey, long siteId, MealSlot slot, Instant servedAt, @Size(max = 16) String pickupCode,
                           @Size(max = 256) String bookingQr, Long dinerId, VerificationInput verification, List<MealItemInput> items,
                           Money price, @Valid PaymentInput payment) {

    MealInput meal() {
        return new MealInput(slot, servedAt, pickupCode, bookingQr, dinerId, verification, items, price, payment);
    }

    LogMealInput withoutKey() {
        return new LogMealInput(null, siteId, slot, servedAt, pickupCode, bookingQr, dinerId, verification, items, price, payment);
    }
}
