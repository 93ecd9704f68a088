package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.Objects;

/** The input of generateSettlement: an operator, a district and a period (a calendar month or quarter). */
public record GenerateSettlementInput(long operatorId, long districtId, LocalDate periodStart, LocalDate periodEnd) {

    public GenerateSettlementInput {
        Objects.requireNonNull(periodStart);
        Objects.requireNonNull(periodEnd);
    }
}
