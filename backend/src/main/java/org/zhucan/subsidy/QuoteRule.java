package org.zhucan.subsidy;

/** The rule that decided a part of a quote. */
public enum QuoteRule {
    NO_POLICY,
    DINER_NOT_ACTIVE,
    UNDER_MINIMUM_AGE,
    NO_TIER,
    DAILY_LIMIT,
    SLOT_LIMIT,
    TIER,
    OUTSIDE_HOME_TOWN,
    OUTSIDE_HOME_DISTRICT,
    MONTHLY_CAP,
    PRICE_BELOW_SUBSIDY_PLUS_FLOOR
}
