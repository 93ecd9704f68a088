package org.zhucan.diner;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What recordDinerMove takes: the diner, which place moves, where to, and from which day. */
public record RecordDinerMoveInput(long dinerId, @NotNull ResidenceKind kind, long communityId, @Size(max = 255) String address,
                                   @NotNull LocalDate effectiveOn, @Size(max = 255) String reason) {

    /** Never the address: a stray log line must not say where an elderly person lives. */
    @Override
    public String toString() {
        return "RecordDinerMoveInput[dinerId=" + dinerId + ", kind=" + kind + ", communityId=" + communityId + ", effectiveOn=" + effectiveOn + "]";
    }
}
