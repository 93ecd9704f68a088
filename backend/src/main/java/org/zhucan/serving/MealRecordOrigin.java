package org.zhucan.serving;

/** Where a record came from: the counter online, an offline device, or a void or correction. */
public enum MealRecordOrigin {
    COUNTER,
    OFFLINE,
    CORRECTION,
    VOID
}
