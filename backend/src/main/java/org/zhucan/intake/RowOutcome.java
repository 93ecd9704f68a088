package org.zhucan.intake;

/** What the dry run found a row would do. */
public enum RowOutcome {
    NEW,
    UPDATE,
    UNCHANGED,
    ERROR
}
