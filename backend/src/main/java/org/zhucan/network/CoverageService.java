package org.zhucan.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.CoverageMapper.CommunityCount;
import org.zhucan.network.CoverageMapper.StatusCount;
import org.zhucan.network.CoverageMapper.Target;
import org.zhucan.security.CurrentUser;

/**
 * Coverage of the network, as the seeds measure it: the share of communities and villages with an
 * operating site, and the operating rate of built sites, against targets set per region and year.
 * Statuses are read as they were on the year's last day (or today, for the current year).
 */
@Service
public class CoverageService {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final int WHOLE = 10_000;

    private final CoverageMapper coverage;
    private final NetworkAccess access;
    private final RegionService regionService;
    private final SiteService siteService;
    private final AuditService audit;
    private final Clock clock;

    CoverageService(CoverageMapper coverage, NetworkAccess access, RegionService regionService, SiteService siteService, AuditService audit, Clock clock) {
        this.coverage = coverage;
        this.access = access;
        this.regionService = regionService;
        this.siteService = siteService;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Coverage coverage(long regionId, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new BadRequestException("year must be between " + MIN_YEAR + " and " + MAX_YEAR, "year");
        }
        Region region = regionService.require(regionId);
        LocalDate today = BusinessTime.today(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = yearEnd.isBefore(today) ? yearEnd : today;

        List<Region> nodes = new ArrayList<>();
        nodes.add(region);
        nodes.addAll(regionService.childrenOf(List.of(region.id())).get(region.id()));
        List<Long> nodeIds = nodes.stream().map(Region::id).toList();

        Map<Long, CommunityCount> communities = new HashMap<>();
        coverage.countCommunities(nodeIds, asOf).forEach(count -> communities.put(count.regionId(), count));
        Map<Long, Map<SiteStatus, Integer>> statuses = new HashMap<>();
        for (StatusCount count : coverage.countSitesByStatus(nodeIds, asOf)) {
            statuses.computeIfAbsent(count.regionId(), id -> new EnumMap<>(SiteStatus.class)).put(count.status(), count.count());
        }
        Map<Long, List<Target>> targets = new HashMap<>();
        coverage.findTargets(nodeIds, year).forEach(target -> targets.computeIfAbsent(target.regionId(), id -> new ArrayList<>()).add(target));

        List<CoverageRow> rows = new ArrayList<>();
        for (Region node : nodes) {
            CommunityCount count = communities.getOrDefault(node.id(), new CommunityCount(node.id(), 0, 0));
            Map<SiteStatus, Integer> byStatus = statuses.getOrDefault(node.id(), Map.of());
            int operating = byStatus.getOrDefault(SiteStatus.OPERATING, 0);
            int built = operating + byStatus.getOrDefault(SiteStatus.SUSPENDED, 0) + byStatus.getOrDefault(SiteStatus.CLOSED, 0);
            Integer coverageShare = share(count.covered(), count.communities());
            Integer operatingRate = share(operating, built);
            List<SiteStatusCount> statusCounts = new ArrayList<>();
            for (SiteStatus status : SiteStatus.values()) {
                statusCounts.add(new SiteStatusCount(status, byStatus.getOrDefault(status, 0)));
            }
            List<TargetResult> results = new ArrayList<>();
            for (Target target : targets.getOrDefault(node.id(), List.of())) {
                Integer actual = target.metric() == CoverageMetric.COVERAGE ? coverageShare : operatingRate;
                int gap = actual == null ? target.basisPoints() : Math.max(0, target.basisPoints() - actual);
                results.add(new TargetResult(target.metric(), fraction(target.basisPoints()), actual == null ? null : fraction(actual),
                        fraction(gap), actual != null && actual >= target.basisPoints()));
            }
            rows.add(new CoverageRow(node, count.communities(), count.covered(), coverageShare == null ? null : fraction(coverageShare),
                    statusCounts, operating, built, operatingRate == null ? null : fraction(operatingRate), results));
        }
        return new Coverage(region, year, asOf, rows);
    }

    /**
     * Day by day, the region's communities and villages and how many had an operating site serving
     * diners: coverage as a series. Unscoped, for dashboards whose caller is already checked.
     */
    @Transactional(readOnly = true)
    public List<DailyCoverage> dailyCoverage(long regionId, LocalDate from, LocalDate to) {
        Region region = regionService.require(regionId);
        int communities = coverage.countCommunities(List.of(region.id()), to).stream().mapToInt(CommunityCount::communities).sum();
        List<Site> servingSites = siteService.allIn(region.id()).stream().filter(site -> site.kind() != SiteKind.CENTRAL_KITCHEN).toList();
        Map<Long, SiteStatusTimeline> timelines = siteService.timelinesOf(servingSites.stream().map(Site::id).toList());
        List<DailyCoverage> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate on = day;
            long covered = servingSites.stream()
                    .filter(site -> timelines.get(site.id()).statusOn(on) == SiteStatus.OPERATING)
                    .map(Site::communityId).distinct().count();
            Integer basisPoints = share((int) covered, communities);
            days.add(new DailyCoverage(day, communities, (int) covered, basisPoints == null ? null : fraction(basisPoints)));
        }
        return days;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public TargetPayloadResult setTarget(SetCoverageTargetInput input) {
        Region region = regionService.require(input.regionId());
        access.requireAdministers(CurrentUser.get(), region.id(), "targets are set by administrators of a region that holds it");
        if (input.year() < MIN_YEAR || input.year() > MAX_YEAR) {
            return TargetPayloadResult.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "year must be between " + MIN_YEAR + " and " + MAX_YEAR, "input", "year"));
        }
        long basisPoints = Math.round(input.target() * WHOLE);
        if (input.target() < 0 || input.target() > 1 || Math.abs(basisPoints - input.target() * WHOLE) > 1e-6) {
            return TargetPayloadResult.failed(UserError.of(UserErrorCode.INVALID_INPUT,
                    "target is a share from 0 to 1 with at most four decimals, e.g. 0.6 for 60%", "input", "target"));
        }
        List<Target> before = coverage.findTargets(List.of(region.id()), input.year()).stream()
                .filter(target -> target.metric() == input.metric()).toList();
        coverage.upsertTarget(region.id(), input.year(), input.metric(), (int) basisPoints, clock.instant());
        Target after = new Target(region.id(), input.year(), input.metric(), (int) basisPoints);
        audit.record("COVERAGE_TARGET_SET", "CoverageTarget", region.id() + "/" + input.year() + "/" + input.metric(),
                before.isEmpty() ? null : before.get(0), after);
        return new TargetPayloadResult(new CoverageTarget(region, input.year(), input.metric(), fraction((int) basisPoints)), List.of());
    }

    /** part ÷ whole in basis points, rounded half up; null when whole is 0. */
    private static Integer share(int part, int whole) {
        return whole == 0 ? null : (int) ((part * 2L * WHOLE + whole) / (2L * whole));
    }

    private static double fraction(int basisPoints) {
        return basisPoints / (double) WHOLE;
    }

    public record DailyCoverage(LocalDate date, int communities, int coveredCommunities, Double coverage) {
    }

    public record Coverage(Region region, int year, LocalDate asOf, List<CoverageRow> rows) {
    }

    public record CoverageRow(Region region, int communities, int coveredCommunities, Double coverage,
                              List<SiteStatusCount> sitesByStatus, int operatingSites, int builtSites, Double operatingRate,
                              List<TargetResult> targets) {
    }

    public record SiteStatusCount(SiteStatus status, int count) {
    }

    public record TargetResult(CoverageMetric metric, double target, Double actual, double gap, boolean met) {
    }

    public record CoverageTarget(Region region, int year, CoverageMetric metric, double target) {
    }

    public record SetCoverageTargetInput(Long regionId, int year, CoverageMetric metric, double target) {
    }

    public record TargetPayloadResult(CoverageTarget target, List<UserError> userErrors) {
        static TargetPayloadResult failed(UserError error) {
            return new TargetPayloadResult(null, List.of(error));
        }
    }
}
