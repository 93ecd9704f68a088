package org.zhucan.eligibility;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ObjectToSubsidyApplicationInput(@NotNull @Size(max = 32) String applicationNumber, @Size(max = 500) String reason,
                                       @Size(max = 32) String contact) {
}
