package org.zhucan.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
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
import org.zhucan.common.pii.Masking;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.ClusterLocks;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerCategoryEntry;
import org.zhucan.diner.DinerCategoryService;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.DinerStatus;
import org.zhucan.eligibility.ApplicationMapper.ApplicationQuery;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

import static org.zhucan.common.Text.blankToNull;

/**
 * Submitting and reviewing applications, and reading them within the caller's scope ({@link ApplicationAccess}). Every
 * status change writes an event (the application's history) and an audit row in the same transaction.
 */
@Service
public class ApplicationService {

    private final ApplicationMapper applications;
    private final ApplicationAccess access;
    private final DinerService dinerService;
    private final DinerCategoryService dinerCategories;
    private final RegionService regionService;
    private final AuditService audit;
    private final EligibilityProperties settings;
    private final Clock clock;
    private final ClusterLocks clusterLocks;

    ApplicationService(ApplicationMapper applications, ApplicationAccess access, DinerService dinerService,
                       DinerCategoryService dinerCategories, RegionService regionService, AuditService audit,
                       EligibilityProperties settings, Clock clock, ClusterLocks clusterLocks) {
        this.applications = applications;
        this.access = access;
        this.dinerService = dinerService;
        this.dinerCategories = dinerCategories;
        this.regionService = regionService;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.clusterLocks = clusterLocks;
    }

    @Transactional
    @RetryOnTransientFailure
    SubsidyApplicationPayload submit(SubmitSubsidyApplicationInput input) {
        CurrentUser user = CurrentUser.get();
        ApplicationChannel channel = access.channelOf(user);
        Diner diner = dinerService.find(input.dinerId());
        if (diner == null) {
            throw new NotFoundException("Diner", input.dinerId());
        }
        applications.lockDiner(diner.id());
        clusterLocks.lock("diner", diner.id());
        List<UserError> errors = validate(input, diner, channel);
        if (!errors.isEmpty()) {
            return SubsidyApplicationPayload.failed(errors);
        }
        Instant now = clock.instant();
        GeneratedKey key = new GeneratedKey();
        applications.insert(key, diner.id(), diner.homeCommunityId(), Masking.name(diner.name()), channel, blankToNull(input.callReference()),
                blankToNull(input.note()), user.username(), now);
        long id = key.value();
        applications.setNumber(id, numberOf(id));
        applications.insertClaims(id, input.claims().stream()
                .map(claim -> new ClaimedCategoryInput(claim.category(), claim.evidenceRef().strip(), claim.validFrom(), claim.validTo())).toList());
        applications.insertEvent(id, ApplicationEventKind.SUBMITTED, null, ApplicationStatus.UNDER_REVIEW, user.username(), now, null);
        SubsidyApplication submitted = applications.findById(id, CallerScope.ALL);
        audit.record("SUBSIDY_APPLICATION_SUBMITTED", "SubsidyApplication", id, null, auditState(submitted));
        return SubsidyApplicationPayload.of(submitted);
    }

    /** The application number: SQ and the id, zero-padded to eight digits. */
    static String numberOf(long id) {
        return "SQ" + String.format("%08d", id);
    }

    private List<UserError> validate(SubmitSubsidyApplicationInput input, Diner diner, ApplicationChannel channel) {
        List<UserError> errors = new ArrayList<>();
        if (diner.status() != DinerStatus.ACTIVE) {
            errors.add(UserError.of(UserErrorCode.DINER_NOT_ACTIVE, "The diner is " + diner.status() + ": only an ACTIVE diner can apply",
                    "input", "dinerId"));
        }
        if (channel == ApplicationChannel.HOTLINE && blankToNull(input.callReference()) == null) {
            errors.add(UserError.of(UserErrorCode.INVALID_INPUT, "The hotline gives its reference for the call", "input", "callReference"));
        }
        List<ClaimedCategoryInput> claims = input.claims();
        if (claims.isEmpty()) {
            errors.add(UserError.of(UserErrorCode.INVALID_INPUT, "Claim at least one category", "input", "claims"));
            return errors;
        }
        LocalDate today = BusinessTime.today(clock);
        List<DinerCategoryEntry> held = dinerCategories.historyOf(List.of(diner.id())).get(diner.id()).stream()
                .filter(entry -> entry.supersededAt() == null).toList();
        List<ClaimedCategory> pending = applications.findOpenClaimsOfDiner(diner.id());
        for (int i = 0; i < claims.size(); i++) {
            ClaimedCategoryInput claim = claims.get(i);
            String index = String.valueOf(i);
            String evidence = blankToNull(claim.evidenceRef());
            if (evidence == null) {
                errors.add(UserError.of(UserErrorCode.INVALID_INPUT, "Give the reference of the evidence", "input", "claims", index, "evidenceRef"));
                continue;
            }
            if (claim.validTo() != null && claim.validTo().isBefore(claim.validFrom())) {
                errors.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "validTo is before validFrom", "input", "claims", index, "validTo"));
                continue;
            }
            if (claim.validTo() != null && claim.validTo().isBefore(today)) {
                errors.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "The claim ended before today", "input", "claims", index, "validTo"));
                continue;
            }
            ClaimedCategory asClaimed = new ClaimedCategory(0, 0, claim.category(), evidence.strip(), claim.validFrom(), claim.validTo());
            boolean repeated = claims.subList(0, i).stream().anyMatch(earlier -> earlier.evidenceRef() != null
                    && asClaimed.sameClaimAs(earlier.category(), earlier.evidenceRef().strip(), earlier.validFrom(), earlier.validTo()));
            if (repeated) {
                errors.add(UserError.of(UserErrorCode.DUPLICATE_CLAIM, "The same claim is made twice", "input", "claims", index));
            } else if (held.stream().anyMatch(entry -> asClaimed.sameClaimAs(entry.category(), entry.evidenceRef(), entry.validFrom(), entry.validTo()))) {
                errors.add(UserError.of(UserErrorCode.DUPLICATE_CLAIM, "The diner already holds " + claim.category()
                        + " with this evidence and these dates", "input", "claims", index));
            } else if (pending.stream().anyMatch(open -> asClaimed.sameClaimAs(open.category(), open.evidenceRef(), open.validFrom(), open.validTo()))) {
                errors.add(UserError.of(UserErrorCode.DUPLICATE_CLAIM, "Another open application already claims " + claim.category()
                        + " with this evidence and these dates", "input", "claims", index));
            }
        }
        return errors;
    }

    @Transactional
    @RetryOnTransientFailure
    SubsidyApplicationPayload approve(ApproveSubsidyApplicationInput input) {
        return review(input.applicationId(), true, blankToNull(input.reason()));
    }

    @Transactional
    @RetryOnTransientFailure
    SubsidyApplicationPayload reject(RejectSubsidyApplicationInput input) {
        return review(input.applicationId(), false, blankToNull(input.reason()));
    }

    private SubsidyApplicationPayload review(long applicationId, boolean approve, String reason) {
        CurrentUser user = CurrentUser.get();
        SubsidyApplication before = applications.findById(applicationId, access.reviewScope(user));
        if (before == null) {
            throw new NotFoundException("SubsidyApplication", applicationId);
        }
        if (!approve && reason == null) {
            return SubsidyApplicationPayload.failed(UserError.of(UserErrorCode.INVALID_INPUT, "Give the reason for the rejection", "input", "reason"));
        }
        if (before.submittedBy().equals(user.username())) {
            return SubsidyApplicationPayload.failed(UserError.of(UserErrorCode.SEPARATION_OF_DUTIES,
                    "Whoever submitted an application may not also review it"));
        }
        if (before.status() != ApplicationStatus.UNDER_REVIEW) {
            return SubsidyApplicationPayload.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                    "The application is " + before.status() + ": only one UNDER_REVIEW is reviewed", "input", "applicationId"));
        }
        Instant now = clock.instant();
        LocalDate from = BusinessTime.today(clock).plusDays(1);
        LocalDate to = from.plusDays(settings.publicityDays() - 1L);
        int changed = approve ? applications.approve(before.id(), before.version(), user.username(), now, reason, from, to)
                : applications.reject(before.id(), before.version(), user.username(), now, reason);
        if (changed == 0) {
            return SubsidyApplicationPayload.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE,
                    "The application was changed meanwhile; read it again and retry"));
        }
        ApplicationStatus status = approve ? ApplicationStatus.IN_PUBLICITY : ApplicationStatus.REJECTED;
        applications.insertEvent(before.id(), approve ? ApplicationEventKind.APPROVED : ApplicationEventKind.REJECTED, before.status(), status,
                user.username(), now, reason);
        SubsidyApplication after = applications.findById(before.id(), CallerScope.ALL);
        audit.record(approve ? "SUBSIDY_APPLICATION_APPROVED" : "SUBSIDY_APPLICATION_REJECTED", "SubsidyApplication", before.id(),
                auditState(before), auditState(after));
        return SubsidyApplicationPayload.of(after);
    }

    /** What the audit log keeps of an application: its state, never the diner's personal data (the name is masked already). */
    static Map<String, Object> auditState(SubsidyApplication application) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("number", application.number());
        state.put("dinerId", application.dinerId());
        state.put("status", application.status());
        state.put("channel", application.channel());
        state.put("callReference", application.callReference());
        state.put("reviewedBy", application.reviewedBy());
        state.put("reviewReason", application.reviewReason());
        state.put("publicityFrom", application.publicityFrom());
        state.put("publicityTo", application.publicityTo());
        return state;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    SubsidyApplication find(long id) {
        return applications.findById(id, access.readScope(CurrentUser.get()));
    }

    @Transactional(readOnly = true)
    Connection<SubsidyApplication> list(SubsidyApplicationFilter filter, PageRequest page) {
        CallerScope scope = access.readScope(CurrentUser.get());
        SubsidyApplicationFilter given = filter == null ? new SubsidyApplicationFilter(null, null, null) : filter;
        String regionPath = given.regionId() == null ? null : regionService.require(given.regionId()).path();
        ApplicationQuery query = new ApplicationQuery(given.status(), given.dinerId(), regionPath);
        if (scope.isEmpty()) {
            return Connection.of(List.of(), page, application -> "", 0);
        }
        Long afterId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<SubsidyApplication> rows = applications.findPage(query, scope, afterId, page.fetchSize());
        return Connection.of(rows, page, application -> Cursor.encode(application.id()), applications.count(query, scope));
    }

    /** The applications of these diners that the caller may see, newest first; every diner present, with none for a caller who reads no applications. */
    @Transactional(readOnly = true)
    Map<Long, List<SubsidyApplication>> ofDiners(Collection<Long> dinerIds) {
        CallerScope scope;
        try {
            scope = access.readScope(CurrentUser.get());
        } catch (AccessDeniedException e) {
            return Batches.group(dinerIds, List.of(), SubsidyApplication::dinerId);
        }
        boolean none = dinerIds.isEmpty() || scope.isEmpty();
        return Batches.group(dinerIds, none ? List.of() : applications.findOfDiners(dinerIds, scope), SubsidyApplication::dinerId);
    }

    /** The claims of applications the caller already reads. */
    @Transactional(readOnly = true)
    Map<Long, List<ClaimedCategory>> claimsOf(Collection<Long> applicationIds) {
        return Batches.group(applicationIds, applicationIds.isEmpty() ? List.of() : applications.findClaimsOf(applicationIds),
                ClaimedCategory::applicationId);
    }

    /** The history of applications the caller already reads. */
    @Transactional(readOnly = true)
    Map<Long, List<ApplicationEvent>> historyOf(Collection<Long> applicationIds) {
        return Batches.group(applicationIds, applicationIds.isEmpty() ? List.of() : applications.findEventsOf(applicationIds),
                ApplicationEvent::applicationId);
    }

    /** The objections to applications the caller already reads: for reviewers only, none for anyone else. */
    @Transactional(readOnly = true)
    Map<Long, List<Objection>> objectionsOf(Collection<Long> applicationIds) {
        boolean shown = !applicationIds.isEmpty() && access.isReviewer(CurrentUser.get());
        return Batches.group(applicationIds, shown ? applications.findObjectionsOf(applicationIds) : List.of(), Objection::applicationId);
    }

    /** The diners of applications, as far as the caller may see them. */
    Map<Long, Diner> dinersOf(Collection<Long> dinerIds) {
        return dinerService.byIds(dinerIds);
    }
}
