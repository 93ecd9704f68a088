package org.zhucan.serving;

import java.time.LocalDate;

/**
 * Published after the meal roll-ups of a range were computed again from the records (outside any
 * transaction), so that what other features derive from the same days (the rating tallies) is
 * computed again with them: one rebuild puts every derived figure right after a load around the application.
 */
public record MealRollupsRebuilt(LocalDate from, LocalDate to) {
}
