package org.zhucan.foodsafety;

/** How many inspections of an operator's sites ended in each result, for the operator evaluation. */
public record InspectionTally(int passed, int needsRectification, int failed) {
}
