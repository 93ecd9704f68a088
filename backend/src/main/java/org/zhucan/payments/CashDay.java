package org.zhucan.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A site's cash day (日结) as its report shows it. */
public record CashDay(long siteId, LocalDate date, CashDayStatus status, String closedBy, Instant closedAt, List<StaffCash> staff,
                      List<MethodTotal> byMethod) {
}
