package org.zhucan.network;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A site's slots over time, from its slot history: what a meal is judged by is the slot as it
 * stood when the meal was served, not as it stands today. Before the first change recorded, the
 * first slots recorded hold (the site had them from its start; whether it was open then is its
 * status's business). A site without any history (its slots were written around the application,
 * e.g. by a data load) has today's slots at every moment.
 */
public final class SiteSlotTimeline {

    private final List<SiteSlotChange> changes;
    private final List<SiteSlot> current;

    SiteSlotTimeline(List<SiteSlotChange> history, List<SiteSlot> current) {
        this.changes = history.stream()
                .sorted(Comparator.comparing(SiteSlotChange::effectiveFrom).thenComparingLong(SiteSlotChange::id))
                .toList();
        this.current = List.copyOf(current);
    }

    /** The slot as the site served it at the instant; null when it did not serve the slot then. */
    public SiteSlot slotAt(MealSlot slot, Instant at) {
        if (changes.isEmpty()) {
            return current.stream().filter(served -> served.slot() == slot).findFirst().orElse(null);
        }
        Instant first = changes.get(0).effectiveFrom();
        Instant when = at.isBefore(first) ? first : at;
        SiteSlot standing = null;
        for (SiteSlotChange change : changes) {
            if (change.effectiveFrom().isAfter(when)) {
                break;
            }
            if (change.slot() == slot) {
                standing = change.slotAfter();
            }
        }
        return standing;
    }
}
