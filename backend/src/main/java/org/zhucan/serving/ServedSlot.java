package org.zhucan.serving;

import java.time.LocalDate;

import org.zhucan.network.MealSlot;

/**
 * A site's slot of a day in which meals were served, with the operator that served them: what
 * sample retention and evaluations are checked against.
 *
 * @param meals standing meals (not voided)
 * @param flaggedMeals standing meals with a stored review flag
 * @param subsidyFen the subsidy of every record of the slot, voids included (net)
 */
public record ServedSlot(long siteId, long operatorId, LocalDate date, MealSlot slot, int meals, int flaggedMeals, long subsidyFen) {
}
