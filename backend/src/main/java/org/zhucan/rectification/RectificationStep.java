package org.zhucan.rectification;

import java.time.Instant;
import java.time.LocalDate;

/** One step of a case (整改记录): who took it, when, from which status to which, and what was said. */
public record RectificationStep(long id, long caseId, StepKind kind, RectificationStatus statusBefore, RectificationStatus statusAfter,
                                String note, LocalDate due, String actor, Instant actedAt) {
}
