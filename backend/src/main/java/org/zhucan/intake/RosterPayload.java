package org.zhucan.intake;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.diner.DinerCategory;

/**
 * A checked roster row as staged (encrypted) between the dry run and the commit. toString never shows the
 * numbers or the name.
 */
record RosterPayload(String idNumber, String name, String phone, long communityId, String address, List<Claim> categories,
                     Integer abilityLevel) {

    /** A category the row claims with its evidence and dates. */
    record Claim(DinerCategory category, String evidenceRef, LocalDate validFrom, LocalDate validTo) {
    }

    @Override
    public String toString() {
        return "RosterPayload[communityId=" + communityId + "]";
    }
}
