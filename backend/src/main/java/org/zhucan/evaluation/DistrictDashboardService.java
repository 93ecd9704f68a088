package org.zhucan.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.money.Money;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.foodsafety.MissingSampleLog;
import org.zhucan.foodsafety.SampleRetentionService;
import org.zhucan.network.CoverageService;
import org.zhucan.network.Region;
import org.zhucan.network.Site;
import org.zhucan.network.SiteKind;
import org.zhucan.network.SiteService;
import org.zhucan.satisfaction.RatingTally;
import org.zhucan.satisfaction.SatisfactionService;
import org.zhucan.serving.DemandCoverageService;
import org.zhucan.serving.MealRecordReadService;
import org.zhucan.serving.ServedDay;
import org.zhucan.settlement.FundingBudgetService;

/**
 * A district's last days as series a chart can draw (区级看板): meals and diners served, public
 * subsidy spent against the year's budget, coverage, satisfaction and open flags, one point per
 * day ending today. For a city (市级汇总) the same figures over all of its districts, read by the
 * same statements (each bounded by the city's subtree, never one call per district).
 */
@Service
public class DistrictDashboardService {

    static final int MAX_DAYS = 92;

    private final EvaluationAccess access;
    private final SiteService siteService;
    private final MealRecordReadService mealRecords;
    private final CoverageService coverageService;
    private final SatisfactionService satisfactionService;
    private final SampleRetentionService sampleRetentionService;
    private final FundingBudgetService budgetService;
    private final DemandCoverageService demandCoverageService;
    private final Clock clock;

    DistrictDashboardService(EvaluationAccess access, SiteService siteService, MealRecordReadService mealRecords, CoverageService coverageService,
                             SatisfactionService satisfactionService, SampleRetentionService sampleRetentionService,
                             FundingBudgetService budgetService, DemandCoverageService demandCoverageService, Clock clock) {
        this.access = access;
        this.siteService = siteService;
        this.mealRecords = mealRecords;
        this.coverageService = coverageService;
        this.satisfactionService = satisfactionService;
        this.sampleRetentionService = sampleRetentionService;
        this.budgetService = budgetService;
        this.demandCoverageService = demandCoverageService;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(long districtId, int days) {
        Region district = access.districtOrAbove(districtId, "districtId");
        access.requireDashboard(district);
        if (days < 1 || days > MAX_DAYS) {
            throw new BadRequestException("days must be from 1 to " + MAX_DAYS, "days");
        }
        LocalDate to = BusinessTime.today(clock);
        LocalDate from = to.minusDays(days - 1L);
        LocalDate yearStart = from.withDayOfYear(1);

        List<Site> sites = siteService.allIn(district.id());
        List<Long> siteIds = sites.stream().map(Site::id).toList();
        List<Long> servingSiteIds = sites.stream().filter(site -> site.kind() != SiteKind.CENTRAL_KITCHEN).map(Site::id).toList();
        // from the year's start, so that each day carries the year's spending so far
        Map<LocalDate, ServedDay> served = mealRecords.servedDays(siteIds, yearStart, to).stream()
                .collect(Collectors.toMap(ServedDay::date, day -> day));
        Map<LocalDate, RatingTally> ratings = satisfactionService.tallyByDay(servingSiteIds, from, to);
        Map<LocalDate, Long> unlogged = sampleRetentionService.missingSampleLogs(servingSiteIds, from, to).stream()
                .collect(Collectors.groupingBy(MissingSampleLog::date, Collectors.counting()));
        Map<LocalDate, CoverageService.DailyCoverage> coverage = coverageService.dailyCoverage(district.id(), from, to).stream()
                .collect(Collectors.toMap(CoverageService.DailyCoverage::date, day -> day));
        Map<Integer, Money> budgets = new HashMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            budgets.put(year, budgetService.publicBudget(district, year));
        }

        List<DashboardDay> points = new ArrayList<>();
        long spentThisYear = 0;
        for (LocalDate day = yearStart; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfYear() == 1) {
                spentThisYear = 0;
            }
            ServedDay figures = served.getOrDefault(day, new ServedDay(day, 0, 0, 0, 0, 0));
            spentThisYear += figures.publicSubsidyFen();
            if (day.isBefore(from)) {
                continue;
            }
            Money budget = budgets.get(day.getYear());
            RatingTally rated = ratings.getOrDefault(day, new RatingTally(0, 0));
            int missingLogs = unlogged.getOrDefault(day, 0L).intValue();
            CoverageService.DailyCoverage covered = coverage.get(day);
            points.add(new DashboardDay(day, figures.meals(), figures.diners(), Money.ofFen(figures.publicSubsidyFen()), Money.ofFen(spentThisYear),
                    budget, budget == null || budget.fen() == 0 ? null : share(spentThisYear, budget.fen()),
                    covered.communities(), covered.coveredCommunities(), covered.coverage(), rated.count(),
                    rated.count() == 0 ? null : BigDecimal.valueOf(rated.scoreSum()).divide(BigDecimal.valueOf(rated.count()), 2, RoundingMode.HALF_UP)
                            .doubleValue(),
                    figures.flaggedMeals(), missingLogs, figures.flaggedMeals() + missingLogs));
        }
        return new Dashboard(district, from, to, points);
    }

    /**
     * The dashboard's region's demand coverage (需求保障) for a month, that of its last day when none is
     * given: next to the site coverage of its days. The caller was checked when the dashboard was built.
     */
    @Transactional(readOnly = true)
    public DemandCoverageService.DemandCoverage demandCoverage(Dashboard dashboard, YearMonth month) {
        return demandCoverageService.demandCoverageOf(dashboard.district(), month == null ? YearMonth.from(dashboard.to()) : month);
    }

    /** part ÷ whole to four decimals (a share such as 0.4213). */
    private static double share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    public record Dashboard(Region district, LocalDate from, LocalDate to, List<DashboardDay> days) {
    }

    /**
     * One day of the district.
     *
     * @param subsidySpent public subsidy of the day's meals (every source but the operator's discount), voids netted
     * @param budgetUsed the year's public spending so far ÷ its public budget; null without a budget
     * @param openFlags flagged standing meals plus served slots without a sample log
     */
    public record DashboardDay(LocalDate date, int mealsServed, int dinersServed, Money subsidySpent, Money subsidySpentYearToDate, Money budget,
                               Double budgetUsed, int communities, int coveredCommunities, Double coverage, int ratingCount, Double averageScore,
                               int flaggedMeals, int missingSampleLogs, int openFlags) {
    }
}
