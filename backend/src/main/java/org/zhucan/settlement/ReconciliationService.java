package org.zhucan.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.money.Money;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;
import org.zhucan.subsidy.FundingSource;

/**
 * Reconciliation (对账) of a district's period, or of a city's (its districts summed): meal-record subsidies against what statements hold,
 * per funding source, with the year's budgets and commitments, and the records that make them
 * differ. Every sum is made in SQL ({@link SettlementMapper}).
 */
@Service
public class ReconciliationService {

    private static final int DIFFERENCES_LISTED = 200;

    private final SettlementMapper mapper;
    private final RegionService regionService;
    private final StatementContentsService contents;
    private final SettlementAccess access;
    private final FundingBudgetService budgetService;

    ReconciliationService(SettlementMapper mapper, RegionService regionService, StatementContentsService contents,
                          SettlementAccess access, FundingBudgetService budgetService) {
        this.budgetService = budgetService;
        this.mapper = mapper;
        this.regionService = regionService;
        this.contents = contents;
        this.access = access;
    }

    /**
     * Per source: the year's budget, what approved and paid statements commit, the meal-record
     * subsidies dated in the period against what the period's statements hold, and every record
     * that makes them differ, all in one snapshot; with the listed differences' statements and the
     * parts asked of them, when asked (null: not asked).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Reconciliation reconcile(long districtId, LocalDate from, LocalDate to, StatementParts differenceStatements) {
        Region district = regionService.require(districtId);
        CurrentUser user = CurrentUser.get();
        if (!district.level().isDistrictOrAbove()) {
            throw new BadRequestException(district.name() + " is not a district or a city", "districtId");
        }
        if (!access.financeOrAdminOf(user, district)) {
            throw new AccessDeniedException("reconciliation is for the district's finance staff and administrators");
        }
        if (from.isAfter(to) || from.getYear() != to.getYear()) {
            throw new BadRequestException("The period must run forwards within one calendar year", "periodEnd");
        }
        int year = from.getYear();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Map<FundingSource, Money> budgets = budgetService.budgetsBySource(district, year);
        Map<FundingSource, Money> committed = bySource(mapper.statementAmountsBySource(districtId, district.path(), yearStart, yearEnd, null,
                List.of(SettlementStatus.APPROVED, SettlementStatus.PAID)));
        Map<FundingSource, Money> paid = bySource(mapper.statementAmountsBySource(districtId, district.path(), yearStart, yearEnd, null,
                List.of(SettlementStatus.PAID)));
        Map<FundingSource, Money> records = bySource(mapper.recordSubsidyBySource(districtId, district.path(), from, to));
        Map<FundingSource, Money> statements = bySource(mapper.statementAmountsBySource(districtId, district.path(), from, to,
                List.of(SettlementLineKind.MEAL_SUBSIDY, SettlementLineKind.ADJUSTMENT), null));
        Map<FundingSource, Money> operating = bySource(mapper.statementAmountsBySource(districtId, district.path(), from, to,
                List.of(SettlementLineKind.OPERATING_SUBSIDY), null));
        List<SourceReconciliation> sources = new ArrayList<>();
        Money recordTotal = Money.ofFen(0);
        Money statementTotal = Money.ofFen(0);
        for (FundingSource source : FundingSource.values()) {
            Money budget = budgets.get(source);
            Money committedAmount = committed.getOrDefault(source, Money.ofFen(0));
            Money recordAmount = records.getOrDefault(source, Money.ofFen(0));
            Money statementAmount = statements.getOrDefault(source, Money.ofFen(0));
            recordTotal = recordTotal.plus(recordAmount);
            statementTotal = statementTotal.plus(statementAmount);
            sources.add(new SourceReconciliation(source, budget, committedAmount, paid.getOrDefault(source, Money.ofFen(0)),
                    budget == null ? null : budget.minus(committedAmount), recordAmount, statementAmount,
                    operating.getOrDefault(source, Money.ofFen(0)), recordAmount.minus(statementAmount)));
        }
        long differenceCount = mapper.countDifferences(districtId, district.path(), from, to);
        List<SettlementMapper.DifferenceRow> rows = mapper.differences(districtId, district.path(), from, to, DIFFERENCES_LISTED);
        List<Long> holders = rows.stream().map(SettlementMapper.DifferenceRow::statementId).filter(Objects::nonNull).distinct().toList();
        StatementContents holding = differenceStatements == null || holders.isEmpty() ? StatementContents.NONE
                : contents.contentsOf(mapper.findByIds(holders), differenceStatements);
        Map<Long, SettlementStatement> byId = new HashMap<>();
        holding.statements().forEach(statement -> byId.put(statement.id(), statement));
        List<ReconciliationDifference> differences = rows.stream().map(row -> new ReconciliationDifference(row.mealRecordId(), row.reason(),
                row.statementId(), row.subsidy(), row.statementId() == null ? null : byId.get(row.statementId()))).toList();
        return new Reconciliation(districtId, from, to, year, sources, recordTotal, statementTotal, recordTotal.minus(statementTotal),
                differenceCount, differences, recordTotal.equals(statementTotal) && differenceCount == 0, holding);
    }

    private static Map<FundingSource, Money> bySource(List<SourceAmount> amounts) {
        Map<FundingSource, Money> result = new EnumMap<>(FundingSource.class);
        amounts.forEach(amount -> result.put(amount.source(), amount.amount()));
        return result;
    }
}
