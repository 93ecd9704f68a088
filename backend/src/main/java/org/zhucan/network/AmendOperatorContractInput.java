package org.zhucan.network;

import java.time.LocalDate;
import java.util.List;

/**
 * What amendOperatorContract takes: the fields to change (补充协议). Omitted fields stay; given
 * communities replace the old ones, an empty list makes the contract cover the whole district.
 */
public record AmendOperatorContractInput(Long contractId, List<Long> communityIds, LocalDate validFrom, LocalDate validTo) {
}
