package org.zhucan.settlement;

/** Where a statement is in its life: DRAFT → SUBMITTED → APPROVED or REJECTED; APPROVED → PAID. */
public enum SettlementStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    PAID;

    /** Whether generating the statement again may replace its content. */
    boolean regenerable() {
        return this == DRAFT || this == REJECTED;
    }

    /** Whether its content is frozen under a content hash. */
    boolean frozen() {
        return this == APPROVED || this == PAID;
    }
}
