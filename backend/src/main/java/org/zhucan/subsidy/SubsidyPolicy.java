package org.zhucan.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/**
 * A version of a district's subsidy policy, without its tiers.
 *
 * @param operatingSubsidy 运营补贴: paid to the operator per diner served per day, by {@code operatingSubsidySource}; null when none
 * @param reassessmentMonths 复评周期: a diner's ability is reassessed so many months after an assessment made while this version is in force
 * @param assessmentGraceDays 宽限期: days after the reassessment is due during which a tier that needs an ability level still applies
 */
public record SubsidyPolicy(long id, long districtId, int version, SubsidyPolicyStatus status, String name, LocalDate effectiveFrom,
                            Money standardPrice, Money dinerFloor, int mealsPerDay, int mealsPerSlot, Money monthlyCap,
                            int minimumAge, Instant publishedAt, Money operatingSubsidy, FundingSource operatingSubsidySource,
                            int reassessmentMonths, int assessmentGraceDays) {
}
