package org.zhucan.subsidy;

import java.util.List;

import org.zhucan.common.money.Money;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;

/**
 * A tier of a policy, with the categories it is for and how its subsidy is split.
 *
 * @param minAbilityLevel the ability level (0 able .. 4 completely unable) an assessment in force must show; null when none is needed
 */
public record SubsidyTier(long id, long policyId, int position, MealSlot slot, int minAge, Integer maxAge, Money subsidy,
                          List<DinerCategory> categories, List<FundingShare> shares, Integer minAbilityLevel) {

    /** A source's fixed amount, or the remainder (amount null). */
    public record FundingShare(FundingSource source, Money amount, boolean remainder) {
    }

    SubsidyRules.Tier toRule() {
        return new SubsidyRules.Tier(id, slot, categories.isEmpty() ? java.util.Set.of() : java.util.EnumSet.copyOf(categories), minAge,
                maxAge, subsidy.fen(), shares.stream()
                .map(share -> new SubsidyRules.Share(share.source(), share.amount() == null ? null : share.amount().fen(), share.remainder()))
                .toList(), minAbilityLevel);
    }
}
