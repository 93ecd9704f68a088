package org.zhucan.evaluation;

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
import org.zhucan.network.Operator;
import org.zhucan.network.OperatorService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;
import org.zhucan.serving.DemandCoverageService;

@Controller
class EvaluationController {

    private final EvaluationService evaluationService;
    private final EvaluationCloseService closeService;
    private final DistrictDashboardService dashboardService;
    private final OperatorService operatorService;
    private final RegionService regionService;

    EvaluationController(EvaluationService evaluationService, EvaluationCloseService closeService, DistrictDashboardService dashboardService,
                         OperatorService operatorService, RegionService regionService) {
        this.evaluationService = evaluationService;
        this.closeService = closeService;
        this.dashboardService = dashboardService;
        this.operatorService = operatorService;
        this.regionService = regionService;
    }

    @QueryMapping
    EvaluationWeights evaluationWeights(@Argument long districtId, @Argument YearMonth month) {
        return evaluationService.weightsInForce(districtId, month);
    }

    @QueryMapping
    EvaluationService.Ranking operatorEvaluations(@Argument long districtId, @Argument YearMonth month) {
        return evaluationService.evaluate(districtId, month);
    }

    @QueryMapping
    DistrictDashboardService.Dashboard districtDashboard(@Argument long districtId, @Argument int days) {
        return dashboardService.dashboard(districtId, days);
    }

    /** One dashboard per request, so a plain lookup: two statements for the whole region. */
    @SchemaMapping(typeName = "DistrictDashboard")
    DemandCoverageService.DemandCoverage demandCoverage(DistrictDashboardService.Dashboard dashboard, @Argument YearMonth month) {
        return dashboardService.demandCoverage(dashboard, month);
    }

    @MutationMapping
    EvaluationService.WeightsResult setEvaluationWeights(@Argument EvaluationWeightsInput input) {
        return evaluationService.setWeights(input);
    }

    @MutationMapping
    CloseEvaluationMonthResult closeEvaluationMonth(@Argument CloseEvaluationMonthInput input) {
        return closeService.close(input);
    }

    /** One set of weights per answer (a ranking has one), so a plain lookup. */
    @SchemaMapping(typeName = "EvaluationWeights")
    Region district(EvaluationWeights weights) {
        return regionService.find(weights.districtId());
    }

    @BatchMapping(typeName = "OperatorEvaluation")
    Map<EvaluationService.OperatorEvaluation, Operator> operator(List<EvaluationService.OperatorEvaluation> evaluations) {
        Map<Long, Operator> operators = operatorService.byIds(Batches.keys(evaluations, EvaluationService.OperatorEvaluation::operatorId));
        return Batches.perParent(evaluations, EvaluationService.OperatorEvaluation::operatorId, operators);
    }
}
