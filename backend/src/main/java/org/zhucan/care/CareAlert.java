package org.zhucan.care;

import java.time.Instant;

/** A care alert as stored, with the materialised path of the diner's home community (for scope, never shown). */
public record CareAlert(long id, long dinerId, CareAlertKind kind, String detail, Long stopId, CareAlertStatus status, String raisedBy,
                        Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt, String outcome, String closedBy, Instant closedAt,
                        String communityPath) {
}
