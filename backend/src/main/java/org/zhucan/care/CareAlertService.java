package org.zhucan.care;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.security.CurrentUser;

/**
 * Care alerts (关爱提醒): raised by a courier's wellness check or by the eating-pattern job, at most one open of a
 * kind per diner (the database's unique key decides, whichever instance raises it); read by street staff of the
 * diner's subdistrict or town, ADMIN of its region and the diner's family; acknowledged, followed up and closed
 * with an outcome by staff. Every new alert goes out on the careAlerts subscription once it commits.
 */
@Service
public class CareAlertService {

    static final int MAX_TEXT = 500;

    private final CareAlertMapper mapper;
    private final CareMapper diners;
    private final CareAccess access;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CareAlertService(CareAlertMapper mapper, CareMapper diners, CareAccess access, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.diners = diners;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What raising gave: the alert, and whether it is new (false: the diner's open alert of that kind, left as it was). */
    public record Raised(CareAlert alert, boolean isNew) {
    }

    /**
     * Raises an alert for a diner, inside the caller's transaction, as the actor given (the courier, the job). When
     * one of that kind is open already, that one stands and a follow-up notes the new detail: nothing is lost.
     */
    @Transactional
    public Raised raise(long dinerId, CareAlertKind kind, String detail, Long stopId, String actor) {
        Instant now = now();
        GeneratedKey key = new GeneratedKey();
        try {
            mapper.insert(new CareAlertMapper.NewAlert(dinerId, kind, clip(detail), stopId, actor, now), key);
        } catch (DuplicateKeyException alreadyOpen) {
            CareAlert open = mapper.findOpen(dinerId, kind);
            if (open == null) {
                throw new IllegalStateException("care alert " + kind + " of diner " + dinerId + " refused as open, and none is");
            }
            mapper.insertFollowUp(open.id(), clip("Raised again: " + detail), actor, now);
            return new Raised(open, false);
        }
        CareAlert alert = mapper.findById(key.value());
        audit.record(actor, "care.alert.raise", "CareAlert", alert.id(), null, Map.of("dinerId", dinerId, "kind", kind));
        events.publishEvent(new CareAlertFeed.Raised(alert.id(), alert.dinerId(), alert.communityPath()));
        return new Raised(alert, true);
    }

    /** careAlerts: the alerts the caller may read, newest first. */
    @Transactional(readOnly = true)
    public Connection<CareAlert> list(CareAlertFilter filter, PageRequest page) {
        CallerScope scope = access.alertReadScope(CurrentUser.get());
        if (scope.isEmpty()) {
            return Connection.of(List.of(), page, alert -> Cursor.encode(alert.id()), 0);
        }
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        return Connection.of(mapper.findPage(scope, filter, beforeId, page.fetchSize()), page, alert -> Cursor.encode(alert.id()),
                mapper.count(scope, filter));
    }

    /**
     * The scope a subscriber of careAlertRaised reads, fixed when it subscribes: the caller's, or one diner of it
     * (a diner outside the caller's scope is refused).
     */
    @Transactional(readOnly = true)
    CallerScope subscriberScope(Long dinerId) {
        CallerScope scope = access.alertReadScope(CurrentUser.get());
        if (dinerId == null) {
            return scope;
        }
        String path = diners.dinerCommunityPath(dinerId);
        if (path == null || !CareAccess.covers(scope, dinerId, path)) {
            throw new org.springframework.security.access.AccessDeniedException("the diner's alerts are not the caller's to follow");
        }
        return CallerScope.ofDiners(List.of(dinerId));
    }

    /** An alert for the feed, read after its scope was checked against the subscriber's. */
    @Transactional(readOnly = true)
    CareAlert forFeed(long id) {
        return mapper.findById(id);
    }

    @Transactional
    public CareAlertPayload acknowledge(AcknowledgeCareAlertInput input) {
        CurrentUser user = CurrentUser.get();
        CareAlert alert = requireHandled(user, input.alertId());
        if (mapper.acknowledge(alert.id(), user.username(), now()) == 0) {
            return CareAlertPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                    "Only an OPEN alert is acknowledged; this one is " + alert.status(), "input", "alertId"));
        }
        audit.record("care.alert.acknowledge", "CareAlert", alert.id(), Map.of("status", alert.status()), Map.of("status", CareAlertStatus.ACKNOWLEDGED));
        return new CareAlertPayload(mapper.findById(alert.id()), List.of());
    }

    @Transactional
    public CareAlertPayload followUp(FollowUpCareAlertInput input) {
        CurrentUser user = CurrentUser.get();
        CareAlert alert = requireHandled(user, input.alertId());
        if (blank(input.note()) || input.note().strip().length() > MAX_TEXT) {
            return CareAlertPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "A follow-up note is 1 to " + MAX_TEXT + " characters",
                    "input", "note"));
        }
        if (alert.status() == CareAlertStatus.CLOSED) {
            return CareAlertPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The alert is closed", "input", "alertId"));
        }
        mapper.insertFollowUp(alert.id(), input.note().strip(), user.username(), now());
        audit.record("care.alert.followUp", "CareAlert", alert.id(), null, Map.of("note", input.note().strip()));
        return new CareAlertPayload(mapper.findById(alert.id()), List.of());
    }

    @Transactional
    public CareAlertPayload close(CloseCareAlertInput input) {
        CurrentUser user = CurrentUser.get();
        CareAlert alert = requireHandled(user, input.alertId());
        if (blank(input.outcome()) || input.outcome().strip().length() > MAX_TEXT) {
            return CareAlertPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Say how the alert ended, in 1 to " + MAX_TEXT + " characters",
                    "input", "outcome"));
        }
        if (mapper.close(alert.id(), input.outcome().strip(), user.username(), now()) == 0) {
            return CareAlertPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION, "The alert is closed already", "input", "alertId"));
        }
        audit.record("care.alert.close", "CareAlert", alert.id(), Map.of("status", alert.status()),
                Map.of("status", CareAlertStatus.CLOSED, "outcome", input.outcome().strip()));
        return new CareAlertPayload(mapper.findById(alert.id()), List.of());
    }

    /** The follow-ups of alerts, in order; one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<CareAlertFollowUp>> followUpsOf(Collection<Long> alertIds) {
        return Batches.group(alertIds, alertIds.isEmpty() ? List.of() : mapper.findFollowUpsOf(alertIds), CareAlertFollowUp::alertId);
    }

    /** An alert staff in whose scope the diner lives may handle; NOT_FOUND otherwise, as for an unknown id. */
    private CareAlert requireHandled(CurrentUser user, long id) {
        CallerScope scope = access.staffScope(user);
        CareAlert alert = mapper.findById(id);
        if (alert == null || !CareAccess.covers(scope, alert.dinerId(), alert.communityPath())) {
            throw new NotFoundException("CareAlert", id);
        }
        return alert;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
