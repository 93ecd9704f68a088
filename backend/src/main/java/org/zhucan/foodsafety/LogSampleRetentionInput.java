package org.zhucan.foodsafety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.zhucan.network.MealSlot;

/** The input of logSampleRetention. */
public record LogSampleRetentionInput(long siteId, LocalDate date, MealSlot slot, Instant keptAt, String keeper,
                                      List<SampleRetentionDishInput> dishes) {
}
