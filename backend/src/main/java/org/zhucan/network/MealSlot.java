package org.zhucan.network;

/** A meal of the day. */
public enum MealSlot {
    BREAKFAST,
    LUNCH,
    DINNER
}
