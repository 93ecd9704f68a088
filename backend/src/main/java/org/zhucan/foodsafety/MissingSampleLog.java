package org.zhucan.foodsafety;

import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/**
 * A site's slot in which meals were served, that is over, and that has no sample retention log.
 *
 * @param operatorId the operator that served the slot's meals
 * @param mealsServed the slot's standing meals (voids excluded)
 */
public record MissingSampleLog(long siteId, long operatorId, LocalDate date, MealSlot slot, int mealsServed) {
}
