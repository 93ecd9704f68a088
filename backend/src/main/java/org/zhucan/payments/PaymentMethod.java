package org.zhucan.payments;

/** How a diner's share was paid: cash, the prepaid balance, WeChat or Alipay, a social-security or senior card, or nothing to pay. */
public enum PaymentMethod {
    CASH, PREPAID, WECHAT, ALIPAY, CARD, FREE;

    /** Paid through a provider whose statement is reconciled: needs the provider's reference. */
    boolean online() {
        return this == WECHAT || this == ALIPAY;
    }
}
