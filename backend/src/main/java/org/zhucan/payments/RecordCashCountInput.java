package org.zhucan.payments;

import java.time.LocalDate;

import org.zhucan.common.money.Money;

public record RecordCashCountInput(long siteId, LocalDate date, String staff, Money counted, Money handedOver, String handedOverTo,
                                   String differenceReason) {
}
