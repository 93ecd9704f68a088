package org.zhucan.eligibility;

import java.time.Instant;

/** One status change of an application: the application's history. */
record ApplicationEvent(long id, long applicationId, ApplicationEventKind kind, ApplicationStatus fromStatus, ApplicationStatus toStatus,
                        String actor, Instant at, String reason) {
}
