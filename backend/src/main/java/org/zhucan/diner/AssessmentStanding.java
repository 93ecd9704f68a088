package org.zhucan.diner;

import java.util.Set;

/**
 * An ACTIVE diner as a due list of reassessments needs it: where they live (the community's 12-digit
 * division code), their latest ability assessment as of the list's date (null when none) and the
 * categories they hold that day.
 */
public record AssessmentStanding(long dinerId, String homeCode, AbilityAssessment latest, Set<DinerCategory> categories) {
}
