package org.zhucan.diner;

/**
 * Subsidy categories a diner can hold, each with evidence and a validity period. The seeds' 失能失智 group is
 * DISABLED and DEMENTIA together.
 */
public enum DinerCategory {
    EXTREME_POVERTY,
    MIN_LIVING,
    LOW_INCOME_EDGE,
    DISABLED,
    DEMENTIA,
    LIVING_ALONE,
    LEFT_BEHIND,
    SPECIAL_FAMILY,
    ENTITLED
}
