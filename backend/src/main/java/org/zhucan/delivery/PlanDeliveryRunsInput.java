package org.zhucan.delivery;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.MealSlot;

public record PlanDeliveryRunsInput(long siteId, LocalDate date, MealSlot slot, List<CourierInput> couriers) {
}
