package org.zhucan.payments;

/** How a provider reference matched the records. */
public enum ReconciliationStatus {
    MATCHED, AMOUNT_DIFFERS, MISSING_OURS, MISSING_THEIRS
}
