package org.zhucan.foodsafety;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A food-safety inspection of a site (食品安全检查).
 *
 * @param operatorId the operator running the site on the day: the one the inspection counts against
 * @param followsUpId the earlier inspection this one re-inspects, if any
 * @param closed whether a later inspection following this one up passed (read with the row)
 */
public record Inspection(long id, long siteId, long operatorId, LocalDate inspectedOn, InspectionResult result, String summary,
                         LocalDate followUpDue, Long followsUpId, String inspector, Instant recordedAt, boolean closed) {

    /** Where the follow-up stands on the day given. */
    public FollowUpStatus followUpStatus(LocalDate today) {
        if (!result.needsFollowUp()) {
            return FollowUpStatus.NONE;
        }
        if (closed) {
            return FollowUpStatus.CLOSED;
        }
        return followUpDue.isBefore(today) ? FollowUpStatus.OVERDUE : FollowUpStatus.OPEN;
    }
}
