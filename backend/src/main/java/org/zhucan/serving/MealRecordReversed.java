package org.zhucan.serving;

/**
 * Published inside the transaction that reverses a meal record (a void, or the first half of a
 * correction), so that what other features hang on the record (a diner's rating) goes with it.
 */
public record MealRecordReversed(long recordId, long reversalId) {
}
