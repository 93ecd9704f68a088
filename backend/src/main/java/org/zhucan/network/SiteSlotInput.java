package org.zhucan.network;

import java.time.LocalTime;

/** A meal slot of a site as createSite and updateSite take it: hours, seats and booking cutoff. */
public record SiteSlotInput(MealSlot slot, LocalTime servesFrom, LocalTime servesTo, int seats, LocalTime bookingCutoff) {
}
