package org.zhucan.subsidy;

/** DRAFT → PUBLISHED; a published version never changes. */
public enum SubsidyPolicyStatus {
    DRAFT,
    PUBLISHED
}
