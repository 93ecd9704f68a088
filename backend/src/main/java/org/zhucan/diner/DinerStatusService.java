package org.zhucan.diner;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.RetryOnTransientFailure;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

import static org.zhucan.common.Text.blankToNull;

/**
 * A diner's status from a date (deceased, moved away, suspended, active again), audited. Public: the status feeds
 * of the intake module record deaths and moves-out through it, as the account that committed the feed.
 * <p>
 * A change to DECEASED, MOVED_AWAY or SUSPENDED publishes {@link DinerLeft} inside this transaction; serving and
 * booking handle it synchronously, so the meals after the date, the bookings from it and the family's notices
 * change with the status or not at all.
 * <p>
 * DECEASED is final but for an error: only ADMIN may turn it back to ACTIVE, with a reason, and the status history
 * keeps both rows (a DECEASED to ACTIVE row is always such a correction). What the death withdrew is not restored
 * here: the withdrawals are audited corrections that may already sit in an approved statement as adjustments, and
 * quoting the meals again silently would put money back without anyone looking at it. The administrator corrects
 * each meal with correctMealRecord, which quotes it afresh now that the diner is ACTIVE again; cancelled bookings
 * and ended recurring bookings stay as they are, and the family is told of the correction.
 */
@Service
public class DinerStatusService {

    private final DinerMapper diners;
    private final DinerWriteService registry;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DinerStatusService(DinerMapper diners, DinerWriteService registry, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.diners = diners;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Read-committed with a retry, as every writer of meal records and bookings is: the consequences of {@link DinerLeft}
     * take the diner's subsidy usage rows and booking rows, in the order those writers keep.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @RetryOnTransientFailure
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult changeStatus(ChangeDinerStatusInput input) {
        Diner before = registry.require(input.dinerId());
        if (input.status() == before.status()) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "The diner is already " + before.status(), "input", "status"));
        }
        boolean deathCorrected = before.status() == DinerStatus.DECEASED;
        if (deathCorrected) {
            if (input.status() != DinerStatus.ACTIVE) {
                return DinerResult.failed(UserError.of(UserErrorCode.ILLEGAL_STATUS_TRANSITION,
                        "A deceased diner's status changes only back to ACTIVE, as the correction of an error", "input", "status"));
            }
            if (!CurrentUser.get().roles().contains(Role.ADMIN)) {
                throw new AccessDeniedException("only an administrator corrects a recorded death");
            }
            if (blankToNull(input.reason()) == null) {
                return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                        "Say why the recorded death was an error: a correction of DECEASED needs a reason", "input", "reason"));
            }
        }
        if (input.effectiveOn().isBefore(before.statusSince())) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is before the current status began, on " + before.statusSince(), "input", "effectiveOn"));
        }
        if (input.effectiveOn().isAfter(registry.today())) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_DATE_RANGE,
                    "effectiveOn is in the future; record a change once it has happened", "input", "effectiveOn"));
        }
        if (diners.updateStatus(before.id(), before.version(), input.status(), input.effectiveOn(), clock.instant()) == 0) {
            return DinerResult.failed(UserError.of(UserErrorCode.CONCURRENT_CHANGE, "The diner was changed meanwhile; read it again and retry"));
        }
        diners.insertStatusChange(before.id(), before.status(), input.status(), input.effectiveOn(), blankToNull(input.reason()),
                DinerWriteService.actor(), clock.instant());
        Diner after = diners.findById(before.id(), CallerScope.ALL);
        audit.record(deathCorrected ? "DINER_DEATH_CORRECTED" : "DINER_STATUS_CHANGED", "Diner", before.id(), before, after);
        if (input.status() != DinerStatus.ACTIVE) {
            events.publishEvent(new DinerLeft(before.id(), input.status(), input.effectiveOn(), blankToNull(input.reason()),
                    DinerWriteService.actor()));
        } else if (deathCorrected) {
            events.publishEvent(new DinerDeathCorrected(before.id(), input.effectiveOn(), blankToNull(input.reason()), DinerWriteService.actor()));
        }
        return new DinerResult(after, List.of());
    }
}
