package org.zhucan.serving;

/** A meal served, or the reversal that cancels one. */
public enum MealRecordKind {
    MEAL,
    REVERSAL
}
