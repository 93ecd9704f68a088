package org.zhucan.foodsafety;

import java.time.LocalDate;
import java.util.List;

/** The input of recordInspection. */
public record RecordInspectionInput(long siteId, LocalDate inspectedOn, List<InspectionItemInput> items, InspectionResult result,
                                    String summary, List<String> photoUrls, LocalDate followUpDue, Long followsUpInspectionId) {
}
