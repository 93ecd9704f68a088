package org.zhucan.settlement;

/** Why a record's subsidy makes the period's records and statements differ. */
public enum ReconciliationDifferenceReason {
    /** Dated in the period and in no statement yet. */
    NOT_SETTLED,
    /** Dated in the period but settled by a statement of another period (carried there as a late record or void). */
    SETTLED_IN_ANOTHER_PERIOD,
    /** Dated outside the period but settled by one of its statements. */
    CARRIED_IN
}
