package org.zhucan.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.network.SiteScheduleMapper.PlannedSite;

/**
 * The site-building ledger (点位建设台账, seed 001): the sites serving diners planned to open in a
 * year, each against the quarter it is planned in (the quarter of its planned opening date), on a
 * day: opened on time, opened late, overdue (the quarter has passed and it has not opened), or not
 * yet due; counted per quarter for a region and each region directly below it (the streets and
 * towns of a district), beside their coverage. Like coverage, an aggregate every logged-in role may read.
 */
@Service
public class SiteScheduleService {

    private final SiteScheduleMapper mapper;
    private final RegionService regionService;
    private final Clock clock;

    SiteScheduleService(SiteScheduleMapper mapper, RegionService regionService, Clock clock) {
        this.mapper = mapper;
        this.regionService = regionService;
        this.clock = clock;
    }

    /** The ledger of a plan year on a day, today when asOf is null; a day after today is refused. */
    @Transactional(readOnly = true)
    public SiteSchedule schedule(long regionId, int year, LocalDate asOf) {
        if (year < CoverageService.MIN_YEAR || year > CoverageService.MAX_YEAR) {
            throw new BadRequestException("year must be between " + CoverageService.MIN_YEAR + " and " + CoverageService.MAX_YEAR, "year");
        }
        LocalDate today = BusinessTime.today(clock);
        if (asOf != null && asOf.isAfter(today)) {
            throw new BadRequestException("asOf cannot be after today: the ledger says what has happened", "asOf");
        }
        LocalDate on = asOf == null ? today : asOf;
        Region region = regionService.require(regionId);
        List<Region> nodes = new ArrayList<>();
        nodes.add(region);
        nodes.addAll(regionService.childrenOf(List.of(region.id())).get(region.id()));

        Map<Long, List<ScheduledSite>> byNode = new LinkedHashMap<>();
        nodes.forEach(node -> byNode.put(node.id(), new ArrayList<>()));
        for (PlannedSite planned : mapper.findPlanned(byNode.keySet(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            byNode.get(planned.regionId()).add(ScheduledSite.of(planned, on));
        }
        List<ScheduleRow> rows = new ArrayList<>();
        for (Region node : nodes) {
            rows.add(ScheduleRow.of(node, region.id(), year, byNode.get(node.id())));
        }
        return new SiteSchedule(region, year, on, rows, byNode.get(region.id()));
    }

    /** The ledger of a region and year on a day: the region's row first, then each child's by division code, and the region's sites. */
    public record SiteSchedule(Region region, int year, LocalDate asOf, List<ScheduleRow> rows, List<ScheduledSite> sites) {
    }

    /** One site of the ledger: its planned quarter, the day it is due (the quarter's last), and where it stands. */
    public record ScheduledSite(long siteId, int plannedQuarter, LocalDate plannedOpenOn, LocalDate dueOn, LocalDate openedOn,
                                ScheduleStanding standing, Integer daysLate) {

        static ScheduledSite of(PlannedSite planned, LocalDate asOf) {
            int quarter = planned.plannedOpenOn().get(IsoFields.QUARTER_OF_YEAR);
            LocalDate dueOn = LocalDate.of(planned.plannedOpenOn().getYear(), quarter * 3, 1).plusMonths(1).minusDays(1);
            LocalDate openedOn = planned.openedOn() != null && !planned.openedOn().isAfter(asOf) ? planned.openedOn() : null;
            ScheduleStanding standing = ScheduleStanding.of(dueOn, openedOn, asOf);
            Integer daysLate = switch (standing) {
                case LATE -> (int) ChronoUnit.DAYS.between(dueOn, openedOn);
                case OVERDUE -> (int) ChronoUnit.DAYS.between(dueOn, asOf);
                default -> null;
            };
            return new ScheduledSite(planned.siteId(), quarter, planned.plannedOpenOn(), dueOn, openedOn, standing, daysLate);
        }
    }

    /** Counts by standing: all planned, opened on time, opened late, overdue, not yet due. */
    public record ScheduleCounts(int planned, int openedOnTime, int openedLate, int overdue, int notYetDue) {

        static ScheduleCounts of(List<ScheduledSite> sites) {
            Map<ScheduleStanding, Integer> counts = new EnumMap<>(ScheduleStanding.class);
            sites.forEach(site -> counts.merge(site.standing(), 1, Integer::sum));
            return new ScheduleCounts(sites.size(), counts.getOrDefault(ScheduleStanding.ON_TIME, 0), counts.getOrDefault(ScheduleStanding.LATE, 0),
                    counts.getOrDefault(ScheduleStanding.OVERDUE, 0), counts.getOrDefault(ScheduleStanding.NOT_YET_DUE, 0));
        }
    }

    /** One quarter's counts. */
    public record QuarterSchedule(int quarter, int planned, int openedOnTime, int openedLate, int overdue, int notYetDue) {
    }

    /**
     * A region's counts for the year and per quarter; ledgerRegionId and year say which ledger the row
     * belongs to, so that its coverage is read once for all rows.
     */
    public record ScheduleRow(Region region, long ledgerRegionId, int year, int planned, int openedOnTime, int openedLate, int overdue,
                              int notYetDue, List<QuarterSchedule> byQuarter) {

        static ScheduleRow of(Region region, long ledgerRegionId, int year, List<ScheduledSite> sites) {
            ScheduleCounts all = ScheduleCounts.of(sites);
            List<QuarterSchedule> quarters = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                int q = quarter;
                ScheduleCounts of = ScheduleCounts.of(sites.stream().filter(site -> site.plannedQuarter() == q).toList());
                quarters.add(new QuarterSchedule(q, of.planned(), of.openedOnTime(), of.openedLate(), of.overdue(), of.notYetDue()));
            }
            return new ScheduleRow(region, ledgerRegionId, year, all.planned(), all.openedOnTime(), all.openedLate(), all.overdue(),
                    all.notYetDue(), quarters);
        }
    }
}
