package org.zhucan.payments;

import org.zhucan.common.money.Money;

/** One staff member's cash of a day: expected from the records, and what they counted and handed over (null before the count). */
public record StaffCash(String staff, Money expected, Money counted, Money handedOver, String handedOverTo, Money difference,
                        String differenceReason) {
}
