package org.zhucan.satisfaction;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/** A standing meal of one of the caller's diners that can still be rated, until {@code rateableUntil}. */
public record RateableMeal(long mealRecordId, long dinerId, long siteId, LocalDate date, MealSlot slot, Instant servedAt,
                           Instant rateableUntil) {
}
