package org.zhucan.diner;

import java.time.LocalDate;

/** An assessment of a diner's abilities, level 0 (able) to 4 (completely unable). */
public record AbilityAssessment(long id, long dinerId, int level, LocalDate assessedOn, String assessor) {
}
