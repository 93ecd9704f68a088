package org.zhucan.settlement;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Sets what a source has budgeted for a district's year, or what the city budgets from its own
     * funds (source CITY) for all its districts; finance staff or administrators of a region that
     * holds the district or city.
     */
    @Transactional
    public BudgetResult setBudget(SetFundingBudgetInput input) {
        Region district = regionService.require(input.districtId());
        CurrentUser user = CurrentUser.get();
        if (!access.financeOrAdminOf(user, district)) {
            throw new AccessDeniedException("budgets are set by the district's finance staff or administrators");
        }
        List<UserError> problems = new ArrayList<>();
        if (district.level() == RegionLevel.CITY && input.source() != FundingSource.CITY) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    "A city budgets its own share (source CITY); the other sources are budgeted per district", "input", "source"));
        } else if (district.level() != RegionLevel.DISTRICT && district.level() != RegionLevel.CITY) {
            problems.add(UserError.of(UserErrorCode.INVALID_REGION_LEVEL, district.name() + " is not a district or a city", "input", "districtId"));
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
     * region's meal subsidies in a year (see {@link #budgetsBySource}); null when no such budget is
     * set. Unscoped, for features that show it to callers they have already checked.
     */
    @Transactional(readOnly = true)
    public Money publicBudget(Region region, int year) {
        List<Money> budgets = budgetsBySource(region, year).entrySet().stream()
                .filter(budget -> budget.getKey() != FundingSource.OPERATOR_DISCOUNT).map(Map.Entry::getValue).toList();
        return budgets.isEmpty() ? null : Money.ofFen(budgets.stream().mapToLong(Money::fen).sum());
    }

    /**
     * What each source has budgeted for the region's year: a district's own budgets; for a city (or
     * a province) its districts' budgets summed per source, two statements whatever their number,
     * except that a budget the region sets itself (a city's CITY budget) stands in place of its
     * districts' sum for that source, since it is the whole of that source's money. Unscoped.
     */
    @Transactional(readOnly = true)
    public Map<FundingSource, Money> budgetsBySource(Region region, int year) {
        Map<FundingSource, Money> budgets = new EnumMap<>(FundingSource.class);
        if (region.level().isAboveDistrict()) {
            mapper.districtBudgetsUnder(region.id(), region.path(), year).forEach(sum -> budgets.put(sum.source(), sum.amount()));
        }
        mapper.budgetsOf(region.id(), year).forEach(own -> budgets.put(own.source(), own.amount()));
        return budgets;
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
