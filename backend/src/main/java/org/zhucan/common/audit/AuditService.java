package org.zhucan.common.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit log. A change to money-bearing state calls {@link #record} inside
 * its own transaction, so the change and its audit row commit or roll back together.
 */
@Service
public class AuditService {

    static final String SYSTEM_ACTOR = "system";

    private final AuditMapper mapper;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(AuditMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change made by the logged-in caller (or {@code system} when there is none). */
    @Transactional
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        record(currentActor(), action, entityType, entityId, before, after);
    }

    /** Records a change on behalf of a named actor, e.g. the account that is logging in. */
    @Transactional
    public void record(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        mapper.insert(new AuditEntry(0, clock.instant(), truncate(actor), action, entityType, truncate(String.valueOf(entityId)),
                toJson(before), toJson(after)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Connection<AuditEntry> auditLog(AuditLogFilter filter, PageRequest page) {
        AuditLogFilter effective = filter == null ? AuditLogFilter.NONE : filter;
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<AuditEntry> rows = mapper.findPage(effective, beforeId, page.fetchSize());
        return Connection.of(rows, page, entry -> Cursor.encode(entry.id()), mapper.count(effective));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? SYSTEM_ACTOR : authentication.getName();
    }

    // Columns hold 64 characters; an over-long name typed at login must not fail the audit write.
    private static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64);
    }
}
