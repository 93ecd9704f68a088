package org.zhucan.settlement;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.money.Money;
import org.zhucan.network.Region;
import org.zhucan.network.RegionLevel;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;
import org.zhucan.subsidy.FundingSource;

/** Funding budgets (资金预算): what each source sets aside for a district's meal subsidies in a year. */
@Service
public class FundingBudgetService {

    private final SettlementMapper mapper;
    private final RegionService regionService;
    private final SettlementAccess access;
    private final AuditService audit;
    private final Clock clock;

    FundingBudgetService(SettlementMapper mapper, RegionService regionService, SettlementAccess access, AuditService audit, Clock clock) {
        this.mapper = mapper;
        this.regionService = regionService;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets what a source has budgeted for a district's year; the district's finance staff or administrators. */
    @Transactional
    public BudgetResult setBudget(SetFundingBudgetInput input) {
        Region district = regionService.require(input.districtId());
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.ADMIN) && !access.financeOf(user, district)) {
            throw new AccessDeniedException("budgets are set by the district's finance staff or administrators");
        }
        List<UserError> problems = new ArrayList<>();
        if (district.level() != RegionLevel.DISTRICT) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, district.name() + " is not a district", "input", "districtId"));
        }
        if (input.year() < 2000 || input.year() > 2100) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "The year must lie between 2000 and 2100", "input", "year"));
        }
        if (input.amount().fen() < 0) {
            problems.add(UserError.of(UserErrorCode.INVALID_INPUT, "A budget cannot be negative", "input", "amount"));
        }
        if (!problems.isEmpty()) {
            return new BudgetResult(null, List.copyOf(problems));
        }
        FundingBudget before = mapper.findBudget(district.id(), input.year(), input.source());
        mapper.upsertBudget(district.id(), input.year(), input.source(), input.amount(), user.username(), now());
        FundingBudget after = mapper.findBudget(district.id(), input.year(), input.source());
        audit.record("FUNDING_BUDGET_SET", "FundingBudget", district.id() + "/" + input.year() + "/" + input.source(), before, after);
        return new BudgetResult(after, List.of());
    }

    /**
     * What public sources (every source but the operator's own discount) set aside for the
     * district's meal subsidies in a year; null when no such budget is set. Unscoped, for features
     * that show it to callers they have already checked.
     */
    @Transactional(readOnly = true)
    public Money publicBudget(long districtId, int year) {
        List<FundingBudget> budgets = mapper.budgetsOf(districtId, year).stream()
                .filter(budget -> budget.source() != FundingSource.OPERATOR_DISCOUNT).toList();
        return budgets.isEmpty() ? null : Money.ofFen(budgets.stream().mapToLong(budget -> budget.amount().fen()).sum());
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
