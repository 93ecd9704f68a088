package org.zhucan.eligibility;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.diner.DinerLeft;

/**
 * What a diner's leaving for good (death, move-out) does to the diner's open applications, in the transaction that
 * records it (see {@link DinerLeft}): each one under review or in publicity is closed as LAPSED, so the effect job
 * never grants categories to someone who is gone. A suspension leaves them open: the diner may come back.
 */
@Component
class DepartedDinerApplications {

    private final ApplicationMapper applications;
    private final AuditService audit;
    private final Clock clock;

    DepartedDinerApplications(ApplicationMapper applications, AuditService audit, Clock clock) {
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Order(3)
    void on(DinerLeft left) {
        if (!left.forGood()) {
            return;
        }
        Instant now = clock.instant();
        String reason = switch (left.status()) {
            case DECEASED -> "老人已登记为于 " + left.effectiveOn() + " 去世，申请失效";
            default -> "老人已登记为于 " + left.effectiveOn() + " 迁出，申请失效";
        };
        for (SubsidyApplication before : applications.lockOpenOfDiner(left.dinerId())) {
            if (applications.lapse(before.id()) == 0) {
                continue;
            }
            applications.insertEvent(before.id(), ApplicationEventKind.LAPSED, before.status(), ApplicationStatus.LAPSED, left.actor(), now, reason);
            audit.record("SUBSIDY_APPLICATION_LAPSED", "SubsidyApplication", before.id(), ApplicationService.auditState(before),
                    ApplicationService.auditState(applications.findById(before.id(), CallerScope.ALL)));
        }
    }
}
