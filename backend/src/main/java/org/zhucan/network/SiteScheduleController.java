package org.zhucan.network;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.network.SiteScheduleService.ScheduleRow;
import org.zhucan.network.SiteScheduleService.ScheduledSite;

@Controller
class SiteScheduleController {

    private final SiteScheduleService scheduleService;
    private final CoverageService coverageService;
    private final SiteService siteService;

    SiteScheduleController(SiteScheduleService scheduleService, CoverageService coverageService, SiteService siteService) {
        this.scheduleService = scheduleService;
        this.coverageService = coverageService;
        this.siteService = siteService;
    }

    @QueryMapping
    SiteScheduleService.SiteSchedule siteSchedule(@Argument long regionId, @Argument int year, @Argument LocalDate asOf) {
        return scheduleService.schedule(regionId, year, asOf);
    }

    /** Coverage beside the ledger: one coverage read per ledger (a region and year), whatever the number of rows. */
    @BatchMapping(typeName = "SiteScheduleRow", field = "coverage")
    Map<ScheduleRow, CoverageService.CoverageRow> coverage(List<ScheduleRow> rows) {
        Map<ScheduleRow, CoverageService.CoverageRow> answers = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(row -> row.ledgerRegionId() + "/" + row.year())).forEach((ledger, ofLedger) -> {
            ScheduleRow first = ofLedger.get(0);
            Map<Long, CoverageService.CoverageRow> byRegion = coverageService.coverage(first.ledgerRegionId(), first.year()).rows().stream()
                    .collect(Collectors.toMap(row -> row.region().id(), row -> row, (a, b) -> a));
            ofLedger.forEach(row -> answers.put(row, byRegion.get(row.region().id())));
        });
        return answers;
    }

    @BatchMapping(typeName = "ScheduledSite", field = "site")
    Map<ScheduledSite, Site> site(List<ScheduledSite> sites) {
        return Batches.perParent(sites, ScheduledSite::siteId, siteService.byIds(Batches.keys(sites, ScheduledSite::siteId)));
    }
}
