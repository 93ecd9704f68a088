package org.zhucan.network;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A site's statuses over time, from its status history: the last change effective by a day holds that day. */
public final class SiteStatusTimeline {

    private final List<SiteStatusChange> changes;

    SiteStatusTimeline(List<SiteStatusChange> history) {
        this.changes = history.stream()
                .sorted(Comparator.comparing(SiteStatusChange::effectiveOn).thenComparingLong(SiteStatusChange::id))
                .toList();
    }

    /** The status on the day; null before the site's first status (it did not exist yet). */
    public SiteStatus statusOn(LocalDate day) {
        SiteStatus status = null;
        for (SiteStatusChange change : changes) {
            if (change.effectiveOn().isAfter(day)) {
                break;
            }
            status = change.toStatus();
        }
        return status;
    }
}
