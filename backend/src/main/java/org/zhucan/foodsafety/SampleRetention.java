package org.zhucan.foodsafety;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/** A slot's sample retention (留样): one per site, date and slot. */
public record SampleRetention(long id, long siteId, LocalDate date, MealSlot slot, Instant keptAt, String keeper, String loggedBy,
                              Instant loggedAt) {
}
