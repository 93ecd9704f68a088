package org.zhucan.network;

import java.time.LocalDate;

/**
 * An operator's assignment to a district, or to communities of it, for a period (片区运营).
 *
 * @param endReason why it was ended (合同终止原因); null while it runs its course
 */
public record OperatorContract(long id, long operatorId, long districtId, LocalDate validFrom, LocalDate validTo, String endReason) {

    /** Whether the contract runs on the day. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
