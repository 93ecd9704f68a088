package org.zhucan.serving;

import org.zhucan.common.money.Money;
import org.zhucan.network.MealSlot;

public record SlotServing(MealSlot slot, int booked, int served, int walkIns, int noShows, Money subsidySoFar) {
}
