package org.zhucan.subsidy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import org.zhucan.diner.AbilityAssessment;
import org.zhucan.diner.AssessmentStanding;
import org.zhucan.diner.DinerCategory;

/**
 * A diner on a due list of reassessments (待复评), as of a date: one whose latest assessment is due
 * for renewal on or before it, or one who holds a category that a tier needing an ability level is
 * for and has never been assessed.
 *
 * @param dueOn       when the reassessment was due; null when never assessed
 * @param graceEndsOn the last day the latest assessment still counts for a tier; null when never assessed
 * @param daysOverdue days from the due date to the list's date (0 on the due date); null when never assessed
 */
public record AssessmentDue(long dinerId, AssessmentDueReason reason, AbilityAssessment latestAssessment, LocalDate dueOn,
                            LocalDate graceEndsOn, Integer daysOverdue) {

    /** The never assessed first, then the longest overdue, then by diner. */
    static final Comparator<AssessmentDue> ORDER = Comparator.comparing(AssessmentDue::dueOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(AssessmentDue::dinerId);

    /**
     * Whether and why a diner is on the due list of the date: the schedule that of the policy in force
     * when the latest assessment was made, the needs those of the policy in force on the date. Null
     * when the diner is not due. Pure.
     *
     * @param needs categories that call for an assessment on the date, in the diner's home district
     */
    static AssessmentDue of(AssessmentStanding diner, AssessmentSchedules schedules, Set<DinerCategory> needs, LocalDate on) {
        AbilityAssessment latest = diner.latest();
        if (latest == null) {
            return diner.categories().stream().anyMatch(needs::contains)
                    ? new AssessmentDue(diner.dinerId(), AssessmentDueReason.NEVER_ASSESSED, null, null, null, null) : null;
        }
        SubsidyRules.Schedule schedule = schedules.on(AssessmentSchedules.districtOf(diner.homeCode()), latest.assessedOn());
        LocalDate dueOn = schedule.dueOn(latest.assessedOn());
        if (dueOn.isAfter(on)) {
            return null;
        }
        return new AssessmentDue(diner.dinerId(), AssessmentDueReason.REASSESSMENT_DUE, latest, dueOn, schedule.graceEndsOn(latest.assessedOn()),
                (int) ChronoUnit.DAYS.between(dueOn, on));
    }

    /** The categories that call for an assessment in the diner's home district, from those of each district. */
    static Set<DinerCategory> needsOf(AssessmentStanding diner, Map<String, Set<DinerCategory>> byDistrict) {
        return byDistrict.getOrDefault(AssessmentSchedules.districtOf(diner.homeCode()), Set.of());
    }
}
