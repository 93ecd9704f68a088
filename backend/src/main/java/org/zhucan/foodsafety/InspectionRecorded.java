package org.zhucan.foodsafety;

/**
 * Published by {@link InspectionService#recordInspection} inside its transaction: what acts on an
 * inspection's result (a rectification case after a failed one) does so in the same transaction.
 *
 * @param firstOfChain the inspection this one follows up, followed back to the first: a finding and its
 *     re-inspections share it, so they are one cause however often the site fails again
 */
public record InspectionRecorded(Inspection inspection, long firstOfChain) {
}
