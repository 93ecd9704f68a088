package org.zhucan.serving;

import java.time.LocalDate;

/**
 * A day's meals over a set of sites: what dashboards draw.
 *
 * @param meals standing meals (not voided)
 * @param diners distinct diners with a standing meal
 * @param flaggedMeals standing meals with a stored review flag
 * @param subsidyFen the subsidy of every record dated that day, voids included (net)
 * @param publicSubsidyFen the part of it public money pays: every funding source but the operator's own discount
 */
public record ServedDay(LocalDate date, int meals, int diners, int flaggedMeals, long subsidyFen, long publicSubsidyFen) {
}
