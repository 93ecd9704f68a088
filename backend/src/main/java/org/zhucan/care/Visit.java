package org.zhucan.care;

import java.time.Instant;
import java.time.LocalDate;

/** A home visit (上门探访). */
public record Visit(long id, long dinerId, LocalDate visitedOn, String visitor, Long volunteerId, int minutes, VisitOutcome outcome,
                    String note, Instant recordedAt) {
}
