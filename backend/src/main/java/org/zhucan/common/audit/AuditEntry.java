package org.zhucan.common.audit;

import java.time.Instant;

/** One recorded change; {@code before} and {@code after} are JSON, null when the entity did not exist. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                         String before, String after) {
}
