package org.zhucan.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.zhucan.common.time.BusinessTime;

/** A site's statuses over time, from its status history: the last change effective by a day holds that day. */
public final class SiteStatusTimeline {

    private final List<SiteStatusChange> changes;

    SiteStatusTimeline(List<SiteStatusChange> history) {
        this.changes = history.stream()
                .sorted(Comparator.comparing(SiteStatusChange::effectiveOn).thenComparingLong(SiteStatusChange::id))
                .toList();
    }

    /** Whether the history is empty (the site was written around the application, e.g. by a data load). */
    public boolean isEmpty() {
        return changes.isEmpty();
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

    /**
     * Whether the site was serving when a meal was served on the day: it was OPERATING on the day
     * (at its start, or from a change effective that day), unless a change taking it out of
     * operation that day had already been recorded, that same day, when the meal was served.
     * Effective dates are days, so a suspension recorded after lunch, or dated back to the day
     * later, leaves that day's lunch standing; a suspension effective before the day refuses it.
     */
    public boolean operatingWhen(LocalDate day, Instant servedAt) {
        SiteStatus atEnd = statusOn(day);
        if (atEnd == SiteStatus.OPERATING) {
            return true;
        }
        List<SiteStatusChange> thatDay = changes.stream().filter(change -> change.effectiveOn().equals(day)).toList();
        boolean operatedThatDay = statusOn(day.minusDays(1)) == SiteStatus.OPERATING
                || thatDay.stream().anyMatch(change -> change.toStatus() == SiteStatus.OPERATING);
        if (atEnd == null || !operatedThatDay) {
            return false;
        }
        SiteStatusChange stop = thatDay.get(thatDay.size() - 1);
        return !(BusinessTime.dateOf(stop.changedAt()).equals(day) && !stop.changedAt().isAfter(servedAt));
    }
}
