package org.zhucan.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.diner.AbilityAssessment;
import org.zhucan.diner.AssessmentStanding;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.DinerService;
import org.zhucan.network.Region;
import org.zhucan.network.RegionService;

/**
 * When ability assessments fall due (常态化开展评估，半年一次): each assessment's due date under the
 * policy in force when it was made, and a street's due list. Who may read a due list is the diner
 * feature's rule (DinerService); the schedules and needs are the policies'.
 */
@Service
public class AssessmentDueService {

    private final DinerService dinerService;
    private final SubsidyPolicyService policyService;
    private final RegionService regionService;
    private final Clock clock;

    AssessmentDueService(DinerService dinerService, SubsidyPolicyService policyService, RegionService regionService, Clock clock) {
        this.dinerService = dinerService;
        this.policyService = policyService;
        this.regionService = regionService;
        this.clock = clock;
    }

    /**
     * The due list of a region on a date (today when null): a constant number of statements, however
     * many diners live there. Sorted as {@link AssessmentDue#ORDER}; the cursor holds the sort key.
     */
    @Transactional(readOnly = true)
    public Connection<AssessmentDue> due(long regionId, LocalDate on, PageRequest page) {
        LocalDate date = on == null ? BusinessTime.today(clock) : on;
        List<AssessmentStanding> standings = dinerService.assessmentStandingsIn(regionId, date);
        Set<String> districts = standings.stream().map(diner -> AssessmentSchedules.districtOf(diner.homeCode())).collect(Collectors.toSet());
        AssessmentSchedules schedules = policyService.schedulesOf(districts);
        Map<String, Set<DinerCategory>> needs = policyService.abilityNeedsOn(districts, date);
        List<AssessmentDue> due = standings.stream()
                .map(diner -> AssessmentDue.of(diner, schedules, AssessmentDue.needsOf(diner, needs), date))
                .filter(Objects::nonNull).sorted(AssessmentDue.ORDER).toList();
        List<AssessmentDue> fetched = due;
        if (page.hasAfter()) {
            List<String> key = Cursor.decode(page.after(), 2);
            AssessmentDue after = new AssessmentDue(Cursor.idPart(key.get(1)), null, null, key.get(0).isEmpty() ? null : parse(key.get(0)), null, null);
            fetched = due.stream().filter(row -> AssessmentDue.ORDER.compare(row, after) > 0).toList();
        }
        return Connection.of(fetched.subList(0, Math.min(fetched.size(), page.fetchSize())), page,
                row -> Cursor.encode(row.dueOn() == null ? "" : row.dueOn(), row.dinerId()), due.size());
    }

    /**
     * Each assessment's schedule, that of the policy in force in its diner's home district on the day
     * it was made (the default where none was, or where the caller may not see the diner): three
     * statements for any number of assessments.
     */
    @Transactional(readOnly = true)
    public Map<AbilityAssessment, SubsidyRules.Schedule> schedulesOf(List<AbilityAssessment> assessments) {
        Map<Long, Diner> diners = dinerService.byIds(assessments.stream().map(AbilityAssessment::dinerId).distinct().toList());
        Map<Long, Region> homes = regionService.byIds(diners.values().stream().map(Diner::homeCommunityId).distinct().toList());
        Map<Long, String> districtOfDiner = new HashMap<>();
        diners.values().forEach(diner -> {
            Region home = homes.get(diner.homeCommunityId());
            if (home != null) {
                districtOfDiner.put(diner.id(), AssessmentSchedules.districtOf(home.divisionCode()));
            }
        });
        AssessmentSchedules schedules = policyService.schedulesOf(Set.copyOf(districtOfDiner.values()));
        Map<AbilityAssessment, SubsidyRules.Schedule> result = new HashMap<>();
        for (AbilityAssessment assessment : assessments) {
            String district = districtOfDiner.get(assessment.dinerId());
            result.put(assessment, district == null ? SubsidyRules.Schedule.DEFAULT : schedules.on(district, assessment.assessedOn()));
        }
        return result;
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.zhucan.common.error.BadRequestException("after is not a cursor returned by this list", "after");
        }
    }
}
