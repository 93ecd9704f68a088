package org.zhucan.diner;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.CallerScope;

import static org.zhucan.common.Text.blankToNull;

/**
 * A diner's status from a date (deceased, moved away, suspended, active again), audited. Public: the status feeds
 * of the intake module record deaths and moves-out through it, as the account that committed the feed.
 */
@Service
public class DinerStatusService {

    private final DinerMapper diners;
    private final DinerWriteService registry;
    private final AuditService audit;
    private final Clock clock;

    DinerStatusService(DinerMapper diners, DinerWriteService registry, AuditService audit, Clock clock) {
        this.diners = diners;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DinerResult changeStatus(ChangeDinerStatusInput input) {
        Diner before = registry.require(input.dinerId());
        if (input.status() == before.status()) {
            return DinerResult.failed(UserError.of(UserErrorCode.INVALID_INPUT, "The diner is already " + before.status(), "input", "status"));
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
        audit.record("DINER_STATUS_CHANGED", "Diner", before.id(), before, after);
        return new DinerResult(after, List.of());
    }
}
