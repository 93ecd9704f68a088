package org.zhucan.subsidy;

/** Why a diner is on the due list of reassessments. */
public enum AssessmentDueReason {
    /** The latest assessment is due for renewal (到期复评). */
    REASSESSMENT_DUE,
    /** Never assessed, though a category held calls for it (未评估). */
    NEVER_ASSESSED
}
