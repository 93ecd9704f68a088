package org.zhucan.delivery;

import java.time.LocalDate;

import org.zhucan.network.MealSlot;

public record RecordKitchenDispatchInput(long kitchenId, long pointId, LocalDate date, MealSlot slot, Integer portionsSent) {
}
