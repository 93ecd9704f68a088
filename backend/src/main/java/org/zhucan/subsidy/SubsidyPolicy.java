package org.zhucan.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/**
 * A version of a district's subsidy policy, without its tiers.
 *
 * @param operatingSubsidy 运营补贴: paid to the operator per diner served per day, by {@code operatingSubsidySource}; null when none
 */
public record SubsidyPolicy(long id, long districtId, int version, SubsidyPolicyStatus status, String name, LocalDate effectiveFrom,
                            Money standardPrice, Money dinerFloor, int mealsPerDay, int mealsPerSlot, Money monthlyCap,
                            int minimumAge, Instant publishedAt, Money operatingSubsidy, FundingSource operatingSubsidySource) {
}
