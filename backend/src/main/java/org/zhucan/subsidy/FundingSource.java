package org.zhucan.subsidy;

/** Who pays a share of a subsidy. */
public enum FundingSource {
    CITY,
    DISTRICT,
    TOWN_OR_STREET,
    /** 福彩公益金. */
    LOTTERY_FUND,
    OPERATOR_DISCOUNT
}
