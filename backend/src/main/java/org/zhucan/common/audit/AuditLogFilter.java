package org.zhucan.common.audit;

import java.time.Instant;

/** Narrows the audit log; every part is optional. */
public record AuditLogFilter(String entityType, String entityId, String actor, String action, Instant from, Instant to) {

    static final AuditLogFilter NONE = new AuditLogFilter(null, null, null, null, null, null);
}
