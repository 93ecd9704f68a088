package org.zhucan.foodsafety;

/** One item checked in {@link RecordInspectionInput}. */
public record InspectionItemInput(InspectionItemCode item, boolean passed, String note) {
}
