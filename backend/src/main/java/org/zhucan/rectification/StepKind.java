package org.zhucan.rectification;

/** What a step of a case was (整改步骤). */
public enum StepKind {
    OPENED,
    WARNING_ISSUED,
    RECTIFICATION_ORDERED,
    REPORT_SUBMITTED,
    REINSPECTION_PASSED,
    REINSPECTION_FAILED,
    CONTRACT_TERMINATED,
    CLOSED
}
