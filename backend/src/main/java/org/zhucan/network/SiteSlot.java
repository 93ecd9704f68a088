package org.zhucan.network;

import java.time.LocalTime;

/** A meal slot a site serves, with its hours, dine-in seats and booking cutoff (Asia/Shanghai, on the meal date). */
public record SiteSlot(long siteId, MealSlot slot, LocalTime servesFrom, LocalTime servesTo, int seats, LocalTime bookingCutoff) {

    /** The same slot, for another site (e.g. one just inserted). */
    SiteSlot of(long otherSiteId) {
        return new SiteSlot(otherSiteId, slot, servesFrom, servesTo, seats, bookingCutoff);
    }
}
