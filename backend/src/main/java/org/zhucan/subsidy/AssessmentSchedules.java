package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reassessment schedules of some districts, every published policy version of each: which
 * schedule an assessment follows is that of the version in force in the diner's home district on the
 * day it was made (the latest effective date not after it, then the highest version), or
 * {@link SubsidyRules.Schedule#DEFAULT} when none was.
 */
public final class AssessmentSchedules {

    private final Map<String, List<SubsidyMapper.ScheduleRow>> byDistrict = new HashMap<>();

    AssessmentSchedules(Collection<SubsidyMapper.ScheduleRow> rows) {
        rows.forEach(row -> byDistrict.computeIfAbsent(row.districtCode(), code -> new java.util.ArrayList<>()).add(row));
    }

    /** The schedule for an assessment made on the day by a diner living in the district (12-digit division code). */
    public SubsidyRules.Schedule on(String districtCode, LocalDate assessedOn) {
        SubsidyMapper.ScheduleRow inForce = null;
        for (SubsidyMapper.ScheduleRow row : byDistrict.getOrDefault(districtCode, List.of())) {
            if (!row.effectiveFrom().isAfter(assessedOn) && (inForce == null || row.effectiveFrom().isAfter(inForce.effectiveFrom())
                    || (row.effectiveFrom().equals(inForce.effectiveFrom()) && row.version() > inForce.version()))) {
                inForce = row;
            }
        }
        return inForce == null ? SubsidyRules.Schedule.DEFAULT : new SubsidyRules.Schedule(inForce.reassessmentMonths(), inForce.assessmentGraceDays());
    }

    /** The district (12-digit division code) of a community's division code: its first six digits and 000000. */
    public static String districtOf(String communityCode) {
        return communityCode.substring(0, 6) + "000000";
    }
}
