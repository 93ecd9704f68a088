package org.zhucan.eligibility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.CategorySource;
import org.zhucan.diner.DinerCategoryEntry;
import org.zhucan.diner.DinerCategoryService;
import org.zhucan.security.SystemActor;

/**
 * Makes applications whose publicity period ended without objection EFFECTIVE and grants their categories (source
 * APPLICATION, source reference the application number). Each application is claimed by a conditional UPDATE in its own
 * transaction, which grants in the same transaction: every instance may run this at once, and each application is
 * granted once. Runs as {@value #ACTOR}, whatever calls it (the job, or a test).
 */
@Service
public class EffectService {

    static final String ACTOR = "system:eligibility";
    private static final int BATCH = 500;

    private final ApplicationMapper applications;
    private final DinerCategoryService dinerCategories;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EffectService(ApplicationMapper applications, DinerCategoryService dinerCategories, AuditService audit,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.applications = applications;
        this.dinerCategories = dinerCategories;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Makes every application due today effective; returns how many this call made effective (not those another run took). */
    public int takeEffectDue() {
        return SystemActor.runAs(ACTOR, () -> {
            LocalDate today = BusinessTime.today(clock);
            int made = 0;
            List<Long> due = applications.findDueIds(today, BATCH);
            while (!due.isEmpty()) {
                for (long id : due) {
                    // instances racing for the same application can deadlock on its row: the loser's transaction runs again
                    // and then finds it claimed
                    if (Boolean.TRUE.equals(TransientFailures.retry(() -> transactions.execute(status -> takeEffect(id, today))))) {
                        made++;
                    }
                }
                List<Long> next = applications.findDueIds(today, BATCH);
                due = next.equals(due) ? List.of() : next;
            }
            return made;
        });
    }

    private boolean takeEffect(long id, LocalDate today) {
        Instant now = clock.instant();
        SubsidyApplication before = applications.findById(id, CallerScope.ALL);
        if (applications.claimEffective(id, today, now) == 0) {
            return false;
        }
        List<DinerCategoryEntry> granted = applications.findClaimsOf(List.of(id)).stream()
                .map(claim -> DinerCategoryEntry.of(claim.category(), claim.evidenceRef(), claim.validFrom(), claim.validTo())).toList();
        dinerCategories.grant(before.dinerId(), granted, CategorySource.APPLICATION, before.number());
        applications.insertEvent(id, ApplicationEventKind.EFFECTIVE, ApplicationStatus.IN_PUBLICITY, ApplicationStatus.EFFECTIVE, ACTOR, now, null);
        audit.record("SUBSIDY_APPLICATION_EFFECTIVE", "SubsidyApplication", id, ApplicationService.auditState(before),
                ApplicationService.auditState(applications.findById(id, CallerScope.ALL)));
        return true;
    }
}
