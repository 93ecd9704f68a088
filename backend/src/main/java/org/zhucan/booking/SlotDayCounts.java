package org.zhucan.booking;

import org.zhucan.network.MealSlot;

/** A slot's booked, served and no-show counts for a day. */
public record SlotDayCounts(MealSlot slot, int booked, int served, int noShows) {
}
