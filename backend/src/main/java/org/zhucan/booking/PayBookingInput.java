package org.zhucan.booking;

import jakarta.validation.constraints.Size;
import org.zhucan.common.money.Money;
import org.zhucan.payments.PaymentMethod;

/**
 * What payBooking takes: the booking, the amount the payer was shown (the diner's share, which it must equal), how
 * it was paid and, for WECHAT and ALIPAY, the provider's transaction reference.
 */
public record PayBookingInput(String idempotencyKey, long bookingId, Money amount, PaymentMethod method, @Size(max = 64) String externalReference) {

    PayBookingInput withoutKey() {
        return new PayBookingInput(null, bookingId, amount, method, externalReference);
    }
}
