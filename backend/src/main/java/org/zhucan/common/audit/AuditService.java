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
import org.zhucan.common.pii.Pseudonyms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit log. A change to money-bearing state calls {@link #record} inside
 * its own transaction, so the change and its audit row commit or roll back together. An actor
 * whose name looks like an ID or phone number is written as its pseudonym ({@link Pseudonyms}):
 * the log never holds such a number in clear, whoever's name it is.
 */
@Service
public class AuditService {

    static final String SYSTEM_ACTOR = "system";

    private final AuditMapper mapper;
    private final JsonMapper json;
    private final Clock clock;
    private final Pseudonyms pseudonyms;

    AuditService(AuditMapper mapper, JsonMapper json, Clock clock, Pseudonyms pseudonyms) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
    }

    /** Records a change made by the logged-in caller (or {@code system} when there is none). */
    @Transactional
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        record(currentActor(), action, entityType, entityId, before, after);
    }

    /**
     * Records a change on behalf of a named actor, e.g. the account that is logging in. A caller
     * that writes a name it has not verified (a username typed at login) passes its pseudonym.
     */
    @Transactional
    public void record(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        mapper.insert(new AuditEntry(0, clock.instant(), truncate(pseudonyms.unlessPersonal(actor)), action, entityType, truncate(String.valueOf(entityId)),
                toJson(before), toJson(after)));
    }

    /**
     * Records the same action on many entities by the logged-in caller, one row each, in one multi-row INSERT: what
     * a bulk change (a roster import's batch of diners) writes instead of a statement per entity.
     *
     * @param afterById each entity's id and its state after (nothing before: the entities are new)
     */
    @Transactional
    public void recordCreated(String action, String entityType, java.util.Map<?, ?> afterById) {
        if (afterById.isEmpty()) {
            return;
        }
        String actor = truncate(pseudonyms.unlessPersonal(currentActor()));
        java.time.Instant now = clock.instant();
        List<AuditEntry> entries = new java.util.ArrayList<>(afterById.size());
        afterById.forEach((id, after) -> entries.add(new AuditEntry(0, now, actor, action, entityType, truncate(String.valueOf(id)), null,
                toJson(after))));
        mapper.insertAll(entries);
    }

    /**
     * The log, for a national ADMIN (one without a region) only: entries are not kept by region and
     * hold personal data before and after a change, so a city's or a district's ADMIN is refused.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') and principal.getClaimAsString('regionId') == null")
    public Connection<AuditEntry> auditLog(AuditLogFilter filter, PageRequest page) {
        AuditLogFilter given = filter == null ? AuditLogFilter.NONE : filter;
        // an actor asked for by an ID or phone number is stored as its pseudonym: look for that
        AuditLogFilter effective = new AuditLogFilter(given.entityType(), given.entityId(), pseudonyms.unlessPersonal(given.actor()),
                given.action(), given.from(), given.to());
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
