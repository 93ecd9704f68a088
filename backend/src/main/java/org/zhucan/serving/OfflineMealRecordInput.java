package org.zhucan.serving;

import java.time.Instant;
import java.util.List;

import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.PaymentInput;

public record OfflineMealRecordInput(String clientRecordId, MealSlot slot, Instant servedAt, String pickupCode, String bookingQr,
                                     Long dinerId, VerificationInput verification, List<MealItemInput> items, Money price, PaymentInput payment) {

    MealInput meal() {
        return new MealInput(slot, servedAt, pickupCode, bookingQr, dinerId, verification, items, price, payment);
    }
}
