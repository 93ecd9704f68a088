package org.zhucan.care;

import java.time.Instant;

/** What was done about an alert. */
public record CareAlertFollowUp(long id, long alertId, String note, String recordedBy, Instant recordedAt) {
}
