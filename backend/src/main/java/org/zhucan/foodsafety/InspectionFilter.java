package org.zhucan.foodsafety;

import java.time.LocalDate;

/** The filter of the inspections list; every field optional. */
public record InspectionFilter(Long siteId, Long operatorId, LocalDate from, LocalDate to, InspectionResult result, Boolean followUpOpen) {

    static final InspectionFilter NONE = new InspectionFilter(null, null, null, null, null, null);
}
