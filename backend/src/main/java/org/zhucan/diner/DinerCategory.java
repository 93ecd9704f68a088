package org.zhucan.diner;

/** Subsidy categories a diner can hold, each with evidence and a validity period. */
public enum DinerCategory {
    EXTREME_POVERTY,
    MIN_LIVING,
    LOW_INCOME_EDGE,
    DISABLED,
    LIVING_ALONE,
    SPECIAL_FAMILY,
    ENTITLED
}
