package org.zhucan.care;

import java.time.LocalDate;

public record RecordVisitInput(long dinerId, LocalDate visitedOn, Integer minutes, VisitOutcome outcome, String note, Long volunteerId) {
}
