package org.zhucan.network;

import java.time.LocalTime;

/** A meal slot a site serves, with its hours and dine-in seats. */
public record SiteSlot(long siteId, MealSlot slot, LocalTime servesFrom, LocalTime servesTo, int seats) {

    /** The same slot, for another site (e.g. one just inserted). */
    SiteSlot of(long otherSiteId) {
        return new SiteSlot(otherSiteId, slot, servesFrom, servesTo, seats);
    }
}
