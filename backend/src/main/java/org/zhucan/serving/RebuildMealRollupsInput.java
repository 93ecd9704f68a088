package org.zhucan.serving;

import java.time.LocalDate;

/** rebuildMealRollups: the days to compute again. */
public record RebuildMealRollupsInput(LocalDate from, LocalDate to) {
}
