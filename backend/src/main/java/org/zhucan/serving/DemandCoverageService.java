package org.zhucan.serving;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.access.BypassesCallerScope;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.sql.CallerScope;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.security.CurrentUser;

/**
 * Demand coverage (特殊困难老年人助餐服务需求得到基本保障, seed 002): per community and month, how many
 * registered eligible elders ate at least once against how many are registered. Eligible: ACTIVE on
 * some day of the month, and holding a category valid on some day of it or aged 80 by its last day.
 * Ate: a standing (not voided) meal served on a day of the month, at any site. A diner counts in the
 * community of the residence (常住) that held on the month's last day, so a diner who moved during
 * the month counts once, where they lived at its end. Two statements per answer, however large the
 * region: the counts, and the communities' names.
 */
@Service
public class DemandCoverageService {

    static final int OLD_AGE = 80;
    private static final int WHOLE = 10_000;
    private static final String REFUSAL = "demand coverage is for the region's administrators, finance staff, inspectors and street staff";

    private final DemandCoverageMapper mapper;
    private final RegionService regionService;
    private final NetworkAccess networkAccess;
    private final Clock clock;

    DemandCoverageService(DemandCoverageMapper mapper, RegionService regionService, NetworkAccess networkAccess, Clock clock) {
        this.mapper = mapper;
        this.regionService = regionService;
        this.networkAccess = networkAccess;
        this.clock = clock;
    }

    /**
     * The region's demand coverage for the month, for ADMIN, FINANCE and INSPECTOR staff of a region
     * holding it and STREET_STAFF staff of a street holding it; FORBIDDEN for anyone else.
     */
    @Transactional(readOnly = true)
    public DemandCoverage demandCoverage(long regionId, YearMonth month) {
        Region region = regionService.require(regionId);
        CallerScope scope = networkAccess.oversightScope(CurrentUser.get(), REFUSAL);
        if (scope.operatorId() != null || scope.regionPath() != null && !region.path().startsWith(scope.regionPath())) {
            throw new AccessDeniedException(REFUSAL);
        }
        return demandCoverageOf(region, month);
    }

    /** The same without a check of the caller, for a dashboard that has checked it. */
    @BypassesCallerScope(usedBy = {"evaluation"})
    @Transactional(readOnly = true)
    public DemandCoverage demandCoverageOf(Region region, YearMonth month) {
        LocalDate today = BusinessTime.today(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw new BadRequestException("month is in the future", "month");
        }
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atEndOfMonth();
        List<DemandCoverageMapper.CommunityDemand> counts = mapper.countByCommunity(region.path(), monthStart, monthEnd,
                monthEnd.minusYears(OLD_AGE));
        Map<Long, Region> communities = counts.isEmpty() ? Map.of()
                : regionService.byIds(counts.stream().map(DemandCoverageMapper.CommunityDemand::communityId).toList());
        List<Row> rows = counts.stream()
                .map(count -> new Row(communities.get(count.communityId()), count.eligible(), count.served(), share(count.served(), count.eligible())))
                .toList();
        int eligible = rows.stream().mapToInt(Row::eligibleDiners).sum();
        int served = rows.stream().mapToInt(Row::servedDiners).sum();
        return new DemandCoverage(region, month, monthStart, monthEnd.isAfter(today) ? today : monthEnd, eligible, served,
                share(served, eligible), rows);
    }

    /** part ÷ whole to four decimals, rounded half up; null when whole is 0. */
    private static Double share(int part, int whole) {
        return whole == 0 ? null : ((part * 2L * WHOLE + whole) / (2L * whole)) / (double) WHOLE;
    }

    /**
     * A region's demand coverage for a month.
     *
     * @param to the month's last day, or today in the current month
     */
    public record DemandCoverage(Region region, YearMonth month, LocalDate from, LocalDate to, int eligibleDiners, int servedDiners,
                                 Double coverage, List<Row> rows) {
    }

    /** One community or village of the region. */
    public record Row(Region community, int eligibleDiners, int servedDiners, Double coverage) {
    }
}
