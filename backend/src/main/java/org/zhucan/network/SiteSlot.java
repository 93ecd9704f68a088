package org.zhucan.network;

import java.time.LocalTime;

/** A meal slot a site serves, with its hours, dine-in seats and booking cutoff (Asia/Shanghai, on the meal date). */
public record SiteSlot(long siteId, MealSlot slot, LocalTime servesFrom, LocalTime servesTo, int seats, LocalTime bookingCutoff) {

    /** When booking closes for a meal on the date: the cutoff time on that day in Asia/Shanghai. */
    public java.time.ZonedDateTime bookingCutoffOn(java.time.LocalDate date) {
        return date.atTime(bookingCutoff).atZone(org.zhucan.common.time.BusinessTime.ZONE);
    }

    /** The same slot, for another site (e.g. one just inserted). */
    SiteSlot of(long otherSiteId) {
        return new SiteSlot(otherSiteId, slot, servesFrom, servesTo, seats, bookingCutoff);
    }
}
