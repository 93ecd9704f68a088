package org.zhucan.diner;

import java.time.LocalDate;
import java.util.List;

/**
 * A registered diner as a roster import compares it with a roster row: the details a roster states, the
 * current category entries (every source) and the latest ability level. The phone number is in clear for the
 * comparison only; toString never shows it, nor the name.
 */
public record RosterDiner(long id, String idNumberHash, String name, String phone, long homeCommunityId, String communityPath,
                          String address, DinerStatus status, LocalDate statusSince, int version,
                          List<DinerCategoryEntry> currentCategories, Integer latestLevel) {

    @Override
    public String toString() {
        return "RosterDiner[id=" + id + "]";
    }
}
