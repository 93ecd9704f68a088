package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.diner.AbilityAssessment;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;

/** The due list of reassessments and each assessment's due date (assessment.graphqls). */
@Controller
class AssessmentDueController {

    private final AssessmentDueService dueService;
    private final DinerService dinerService;

    AssessmentDueController(AssessmentDueService dueService, DinerService dinerService) {
        this.dueService = dueService;
        this.dinerService = dinerService;
    }

    @QueryMapping
    Connection<AssessmentDue> assessmentsDue(@Argument long regionId, @Argument LocalDate on, @Argument Integer first, @Argument String after) {
        return dueService.due(regionId, on, PageRequest.of(first, after));
    }

    @BatchMapping(typeName = "AssessmentDue", field = "diner")
    Map<AssessmentDue, Diner> diner(List<AssessmentDue> rows) {
        return Batches.perParent(rows, AssessmentDue::dinerId, dinerService.byIds(Batches.keys(rows, AssessmentDue::dinerId)));
    }

    @BatchMapping(typeName = "AbilityAssessment", field = "dueOn")
    Map<AbilityAssessment, LocalDate> dueOn(List<AbilityAssessment> assessments) {
        return dueService.schedulesOf(assessments).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().dueOn(entry.getKey().assessedOn())));
    }

    @BatchMapping(typeName = "AbilityAssessment", field = "graceEndsOn")
    Map<AbilityAssessment, LocalDate> graceEndsOn(List<AbilityAssessment> assessments) {
        return dueService.schedulesOf(assessments).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().graceEndsOn(entry.getKey().assessedOn())));
    }
}
