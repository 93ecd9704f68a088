package org.zhucan.rectification;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

@Controller
class RectificationController {

    private final RectificationService service;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final SiteService siteService;

    RectificationController(RectificationService service, OperatorService operatorService, RegionService regionService, SiteService siteService) {
        this.service = service;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.siteService = siteService;
    }

    @QueryMapping
    Connection<RectificationCase> rectificationCases(@Argument RectificationCaseFilter filter, @Argument Integer first, @Argument String after) {
        return service.cases(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    RectificationCase rectificationCase(@Argument long id) {
        return service.rectificationCase(id);
    }

    @MutationMapping
    RectificationCasePayload advanceRectificationCase(@Argument AdvanceRectificationCaseInput input) {
        return service.advance(input);
    }

    @MutationMapping
    RectificationCasePayload submitRectificationReport(@Argument SubmitRectificationReportInput input) {
        return service.submitReport(input);
    }

    @MutationMapping
    OpenRectificationCasesPayload openRectificationCases(@Argument OpenRectificationCasesInput input) {
        return service.openForClosedMonth(input);
    }

    /** From the row: no statement. */
    @SchemaMapping(typeName = "RectificationCase")
    YearMonth evaluationMonth(RectificationCase rectificationCase) {
        return rectificationCase.evaluationMonth() == null ? null : YearMonth.from(rectificationCase.evaluationMonth());
    }

    /** From the row's dates and today: no statement. */
    @SchemaMapping(typeName = "RectificationCase")
    boolean overdue(RectificationCase rectificationCase) {
        return service.overdue(rectificationCase);
    }

    @BatchMapping(typeName = "RectificationCase")
    Map<RectificationCase, Operator> operator(List<RectificationCase> cases) {
        return Batches.perParent(cases, RectificationCase::operatorId, operatorService.byIds(Batches.keys(cases, RectificationCase::operatorId)));
    }

    @BatchMapping(typeName = "RectificationCase")
    Map<RectificationCase, Region> district(List<RectificationCase> cases) {
        return Batches.perParent(cases, RectificationCase::districtId, regionService.byIds(Batches.keys(cases, RectificationCase::districtId)));
    }

    @BatchMapping(typeName = "RectificationCase")
    Map<RectificationCase, Site> site(List<RectificationCase> cases) {
        return Batches.perParent(cases, RectificationCase::siteId, siteService.byIds(Batches.keys(cases, RectificationCase::siteId)));
    }

    @BatchMapping(typeName = "RectificationCase")
    Map<RectificationCase, List<RectificationStep>> steps(List<RectificationCase> cases) {
        Map<Long, List<RectificationStep>> steps = service.stepsOf(Batches.keys(cases, RectificationCase::id));
        return Batches.perParent(cases, RectificationCase::id, steps);
    }
}
