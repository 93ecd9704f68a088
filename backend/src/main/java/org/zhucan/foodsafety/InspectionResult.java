package org.zhucan.foodsafety;

/** What an inspection concluded; anything but PASSED sets a follow-up date. */
public enum InspectionResult {
    PASSED,
    NEEDS_RECTIFICATION,
    FAILED;

    boolean needsFollowUp() {
        return this != PASSED;
    }
}
