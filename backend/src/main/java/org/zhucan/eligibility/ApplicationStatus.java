package org.zhucan.eligibility;

/** Where an application stands; mirrors the schema's {@code SubsidyApplicationStatus}. */
public enum ApplicationStatus {
    UNDER_REVIEW,
    REJECTED,
    IN_PUBLICITY,
    EFFECTIVE,
    LAPSED
}
