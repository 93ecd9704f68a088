package org.zhucan.network;

import java.time.LocalDate;
import java.util.List;

/** A site handed over from one operator to another, from a day on (站点交接). */
public record SiteOperatorChange(long siteId, long fromOperatorId, long toOperatorId, LocalDate effectiveOn) {

    /** The operator that ran the site on the day, given its hand-overs oldest first. */
    public static long operatorOn(Site site, List<SiteOperatorChange> changes, LocalDate day) {
        if (changes == null || changes.isEmpty()) {
            return site.operatorId();
        }
        long operator = changes.get(0).fromOperatorId();
        for (SiteOperatorChange change : changes) {
            if (change.effectiveOn().isAfter(day)) {
                break;
            }
            operator = change.toOperatorId();
        }
        return operator;
    }
}
