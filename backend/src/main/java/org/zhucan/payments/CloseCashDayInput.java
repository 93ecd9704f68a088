package org.zhucan.payments;

import java.time.LocalDate;

public record CloseCashDayInput(long siteId, LocalDate date) {
}
