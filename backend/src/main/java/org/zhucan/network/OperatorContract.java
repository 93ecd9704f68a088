package org.zhucan.network;

import java.time.LocalDate;

/** An operator's assignment to a district, or to communities of it, for a period (片区运营). */
public record OperatorContract(long id, long operatorId, long districtId, LocalDate validFrom, LocalDate validTo) {
}
