package org.zhucan.serving;

import java.time.Instant;
import java.util.List;

import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;
import org.zhucan.payments.PaymentInput;

/** What the counter says about a meal, online or offline; a payment left out is cash (see PaymentInput.CASH). */
record MealInput(MealSlot slot, Instant servedAt, String pickupCode, String bookingQr, Long dinerId, VerificationInput verification,
                 List<MealItemInput> items, Money price, PaymentInput payment) {
}
