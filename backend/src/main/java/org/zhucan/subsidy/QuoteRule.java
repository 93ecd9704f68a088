package org.zhucan.subsidy;

/** The rule that decided a part of a quote. */
public enum QuoteRule {
    NO_POLICY,
    DINER_NOT_ACTIVE,
    UNDER_MINIMUM_AGE,
    NO_TIER,
    NO_ASSESSMENT,
    ASSESSMENT_EXPIRED,
    ABILITY_LEVEL_TOO_LOW,
    ASSESSMENT_IN_GRACE,
    DAILY_LIMIT,
    SLOT_LIMIT,
    TIER,
    OUTSIDE_HOME_TOWN,
    OUTSIDE_HOME_DISTRICT,
    MONTHLY_CAP,
    PRICE_BELOW_SUBSIDY_PLUS_FLOOR
}
