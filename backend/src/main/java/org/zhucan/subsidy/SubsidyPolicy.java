package org.zhucan.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.zhucan.common.money.Money;

/** A version of a district's subsidy policy, without its tiers. */
public record SubsidyPolicy(long id, long districtId, int version, SubsidyPolicyStatus status, String name, LocalDate effectiveFrom,
                            Money standardPrice, Money dinerFloor, int mealsPerDay, int mealsPerSlot, Money monthlyCap,
                            int minimumAge, Instant publishedAt) {
}
