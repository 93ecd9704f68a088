package org.zhucan.foodsafety;

import java.time.Instant;
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
import org.zhucan.network.Site;
import org.zhucan.network.SiteService;

@Controller
class FoodSafetyController {

    private final InspectionService inspectionService;
    private final SampleRetentionService sampleRetentionService;
    private final SiteService siteService;
    private final OperatorService operatorService;

    FoodSafetyController(InspectionService inspectionService, SampleRetentionService sampleRetentionService, SiteService siteService,
                         OperatorService operatorService) {
        this.inspectionService = inspectionService;
        this.sampleRetentionService = sampleRetentionService;
        this.siteService = siteService;
        this.operatorService = operatorService;
    }

    // ------------------------------------------------------------ roots

    @QueryMapping
    Connection<Inspection> inspections(@Argument InspectionFilter filter, @Argument Integer first, @Argument String after) {
        return inspectionService.inspections(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Inspection inspection(@Argument long id) {
        return inspectionService.inspection(id);
    }

    @QueryMapping
    Connection<SampleRetention> sampleRetentions(@Argument SampleRetentionFilter filter, @Argument Integer first,
                                                 @Argument String after) {
        return sampleRetentionService.sampleRetentions(filter, PageRequest.of(first, after));
    }

    @QueryMapping
    Connection<MissingSampleLog> missingSampleLogs(@Argument SampleRetentionFilter filter, @Argument Integer first,
                                                   @Argument String after) {
        return sampleRetentionService.missingSampleLogs(filter, PageRequest.of(first, after));
    }

    @MutationMapping
    InspectionPayload recordInspection(@Argument RecordInspectionInput input) {
        return inspectionService.recordInspection(input);
    }

    @MutationMapping
    SampleRetentionPayload logSampleRetention(@Argument LogSampleRetentionInput input) {
        return sampleRetentionService.logSampleRetention(input);
    }

    // ------------------------------------------------------------ Inspection

    @BatchMapping(typeName = "Inspection", field = "site")
    Map<Inspection, Site> inspectionSite(List<Inspection> inspections) {
        return Batches.perParent(inspections, Inspection::siteId, siteService.byIds(Batches.keys(inspections, Inspection::siteId)));
    }

    @BatchMapping(typeName = "Inspection", field = "operator")
    Map<Inspection, Operator> inspectionOperator(List<Inspection> inspections) {
        return Batches.perParent(inspections, Inspection::operatorId,
                operatorService.byIds(Batches.keys(inspections, Inspection::operatorId)));
    }

    @BatchMapping(typeName = "Inspection", field = "items")
    Map<Inspection, List<InspectionItem>> inspectionItems(List<Inspection> inspections) {
        return Batches.perParent(inspections, Inspection::id, inspectionService.itemsOf(Batches.keys(inspections, Inspection::id)));
    }

    @BatchMapping(typeName = "Inspection", field = "photoUrls")
    Map<Inspection, List<String>> inspectionPhotoUrls(List<Inspection> inspections) {
        return Batches.perParent(inspections, Inspection::id, inspectionService.photoUrlsOf(Batches.keys(inspections, Inspection::id)));
    }

    @BatchMapping(typeName = "Inspection", field = "followsUp")
    Map<Inspection, Inspection> inspectionFollowsUp(List<Inspection> inspections) {
        return Batches.perParent(inspections, Inspection::followsUpId,
                inspectionService.followedUpByIds(Batches.keys(inspections, Inspection::followsUpId)));
    }

    @SchemaMapping(typeName = "Inspection", field = "followUpStatus")
    FollowUpStatus followUpStatus(Inspection inspection) {
        return inspectionService.followUpStatus(inspection);
    }

    // ------------------------------------------------------------ SampleRetention

    @BatchMapping(typeName = "SampleRetention", field = "site")
    Map<SampleRetention, Site> retentionSite(List<SampleRetention> retentions) {
        return Batches.perParent(retentions, SampleRetention::siteId, siteService.byIds(Batches.keys(retentions, SampleRetention::siteId)));
    }

    @BatchMapping(typeName = "SampleRetention", field = "dishes")
    Map<SampleRetention, List<SampleRetentionDish>> retentionDishes(List<SampleRetention> retentions) {
        return Batches.perParent(retentions, SampleRetention::id,
                sampleRetentionService.dishesOf(Batches.keys(retentions, SampleRetention::id)));
    }

    @BatchMapping(typeName = "SampleRetention", field = "loggedLate")
    Map<SampleRetention, Boolean> retentionLoggedLate(List<SampleRetention> retentions) {
        return Batches.perParent(retentions, SampleRetention::id, sampleRetentionService.loggedLate(retentions));
    }

    @SchemaMapping(typeName = "SampleRetention", field = "disposeAfter")
    Instant disposeAfter(SampleRetention retention) {
        return SampleRetentionService.disposeAfter(retention);
    }

    @SchemaMapping(typeName = "SampleRetentionDish", field = "underweight")
    boolean underweight(SampleRetentionDish dish) {
        return dish.underweight();
    }

    // ------------------------------------------------------------ MissingSampleLog

    @BatchMapping(typeName = "MissingSampleLog", field = "site")
    Map<MissingSampleLog, Site> missingSite(List<MissingSampleLog> missing) {
        return Batches.perParent(missing, MissingSampleLog::siteId, siteService.byIds(Batches.keys(missing, MissingSampleLog::siteId)));
    }

    @BatchMapping(typeName = "MissingSampleLog", field = "operator")
    Map<MissingSampleLog, Operator> missingOperator(List<MissingSampleLog> missing) {
        return Batches.perParent(missing, MissingSampleLog::operatorId,
                operatorService.byIds(Batches.keys(missing, MissingSampleLog::operatorId)));
    }
}
