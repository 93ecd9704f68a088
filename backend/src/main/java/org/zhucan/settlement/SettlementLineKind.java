package org.zhucan.settlement;

/** What a statement line pays for. */
public enum SettlementLineKind {
    /** Meal subsidies of meals served in the period (餐费补贴). */
    MEAL_SUBSIDY,
    /** Records dated before the period and not yet settled: voids and late uploads of settled periods (以前期间调整). */
    ADJUSTMENT,
    /** The policy's amount per diner served per day (运营补贴). */
    OPERATING_SUBSIDY
}
