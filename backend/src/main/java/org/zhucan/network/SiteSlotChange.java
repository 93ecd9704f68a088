package org.zhucan.network;

import java.time.Instant;
import java.time.LocalTime;

/**
 * A slot of a site as set from a moment on (its hours, seats and cutoff), or, with all four null,
 * the site's stop of serving it. What {@link SiteSlotTimeline} reads.
 */
public record SiteSlotChange(long id, long siteId, MealSlot slot, LocalTime servesFrom, LocalTime servesTo, Integer seats,
                             LocalTime bookingCutoff, Instant effectiveFrom, String changedBy) {

    /** The slot as set from that moment on. */
    static SiteSlotChange of(SiteSlot slot, Instant effectiveFrom, String changedBy) {
        return new SiteSlotChange(0, slot.siteId(), slot.slot(), slot.servesFrom(), slot.servesTo(), slot.seats(), slot.bookingCutoff(),
                effectiveFrom, changedBy);
    }

    /** The site's stop of serving a slot. */
    static SiteSlotChange dropped(long siteId, MealSlot slot, Instant effectiveFrom, String changedBy) {
        return new SiteSlotChange(0, siteId, slot, null, null, null, null, effectiveFrom, changedBy);
    }

    /** The slot as it stood after this change; null when the change stopped it. */
    SiteSlot slotAfter() {
        return servesFrom == null ? null : new SiteSlot(siteId, slot, servesFrom, servesTo, seats, bookingCutoff);
    }
}
