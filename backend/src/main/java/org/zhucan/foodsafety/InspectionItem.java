package org.zhucan.foodsafety;

/** One item an inspection checked, passed or not, with the inspector's note. */
public record InspectionItem(long inspectionId, InspectionItemCode item, boolean passed, String note) {
}
