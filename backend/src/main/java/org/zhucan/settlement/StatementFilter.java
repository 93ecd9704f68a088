package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.List;

/** The filter of the statements list; every field optional. */
public record StatementFilter(Long operatorId, Long districtId, List<SettlementStatus> statuses, LocalDate from, LocalDate to) {

    static final StatementFilter NONE = new StatementFilter(null, null, null, null, null);
}
