package org.zhucan.payments;

import jakarta.validation.constraints.Size;

/** How the counter took the diner's share: the method and, for WECHAT and ALIPAY, the provider's transaction reference. */
public record PaymentInput(PaymentMethod method, @Size(max = 64) String externalReference) {

    /** What an absent payment means (stated in the schema): cash, taken by whoever records the meal. */
    public static final PaymentInput CASH = new PaymentInput(PaymentMethod.CASH, null);
}
