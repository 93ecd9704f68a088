package org.zhucan.diner;

import java.util.List;

import org.zhucan.common.pii.IdNumber;

/**
 * What one roster row states about a diner (名册行): checked by the intake module before it gets here.
 * toString never shows the numbers or the name.
 */
public record RosterStatement(IdNumber idNumber, String name, String phone, long homeCommunityId, String address,
                              List<DinerCategoryEntry> categories, Integer abilityLevel) {

    @Override
    public String toString() {
        return "RosterStatement[homeCommunityId=" + homeCommunityId + "]";
    }
}
