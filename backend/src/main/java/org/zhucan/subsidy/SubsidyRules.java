package org.zhucan.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;

/**
 * The one place the subsidy rules live: given the policy in force, the diner as they were on the
 * meal date, where and what they eat, and what they have already been subsidised, it splits the
 * price into funding shares and what the diner pays, and says which rule decided each part.
 * Pure: no clock, no database, so every rule can be tested at its edges.
 */
public final class SubsidyRules {

    private SubsidyRules() {
    }

    /** A published policy as the rules need it. */
    public record Policy(long id, int version, long dinerFloorFen, int mealsPerDay, int mealsPerSlot, Long monthlyCapFen,
                         int minimumAge, List<Tier> tiers) {
    }

    /** A tier for one slot: who it is for and how its subsidy is split. */
    public record Tier(long id, MealSlot slot, Set<DinerCategory> categories, int minAge, Integer maxAge, long subsidyFen,
                       List<Share> shares) {

        boolean fits(MealSlot mealSlot, Set<DinerCategory> held, int age) {
            return slot == mealSlot && age >= minAge && (maxAge == null || age <= maxAge)
                    && (categories.isEmpty() || categories.stream().anyMatch(held::contains));
        }
    }

    /** A fixed amount from a source, or the remainder of the tier's subsidy. */
    public record Share(FundingSource source, Long amountFen, boolean remainder) {
    }

    /** The diner on the meal date. {@code homeCode} and the site's code are 12-digit division codes of communities. */
    public record DinerOnDay(boolean active, int age, Set<DinerCategory> categories, String homeCode) {
    }

    public record Meal(MealSlot slot, long priceFen, String siteCommunityCode) {
    }

    /** Subsidised meals already taken: that day, that day's slot, and the month's subsidy so far. */
    public record Usage(int mealsToday, int mealsThisSlot, long subsidyThisMonthFen) {

        public static final Usage NONE = new Usage(0, 0, 0);
    }

    public record QuotedShare(FundingSource source, long amountFen, String zeroBecause) {
    }

    public record Reason(QuoteRule rule, String message) {
    }

    /** The split of one meal's price. {@code shares} add up to {@code subsidyFen}; the diner pays the rest. */
    public record Quote(long priceFen, long subsidyFen, long dinerPaysFen, List<QuotedShare> shares, Policy policy, Tier tier,
                        List<Reason> reasons) {
    }

    public static Quote quote(Policy policy, DinerOnDay diner, Meal meal, Usage usage) {
        if (policy == null) {
            return none(meal, null, null, QuoteRule.NO_POLICY, "No published subsidy policy of the diner's home district covers the date");
        }
        if (!diner.active()) {
            return none(meal, policy, null, QuoteRule.DINER_NOT_ACTIVE, "The diner is not ACTIVE on the meal date");
        }
        if (diner.age() < policy.minimumAge()) {
            return none(meal, policy, null, QuoteRule.UNDER_MINIMUM_AGE,
                    "The diner is " + diner.age() + " on the meal date; the policy starts at " + policy.minimumAge());
        }
        Tier tier = null;
        for (Tier candidate : policy.tiers()) {
            if (candidate.fits(meal.slot(), diner.categories(), diner.age()) && (tier == null || candidate.subsidyFen() > tier.subsidyFen())) {
                tier = candidate;
            }
        }
        if (tier == null) {
            return none(meal, policy, null, QuoteRule.NO_TIER, "No tier of the policy covers this slot, age and category");
        }
        if (usage.mealsToday() >= policy.mealsPerDay()) {
            return none(meal, policy, tier, QuoteRule.DAILY_LIMIT,
                    "Already " + usage.mealsToday() + " subsidised meal(s) that day; the policy allows " + policy.mealsPerDay());
        }
        if (usage.mealsThisSlot() >= policy.mealsPerSlot()) {
            return none(meal, policy, tier, QuoteRule.SLOT_LIMIT,
                    "Already " + usage.mealsThisSlot() + " subsidised meal(s) in that slot; the policy allows " + policy.mealsPerSlot());
        }

        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason(QuoteRule.TIER, "Tier for " + meal.slot() + ", ages " + tier.minAge() + "-"
                + (tier.maxAge() == null ? "" : tier.maxAge()) + (tier.categories().isEmpty() ? "" : ", " + tier.categories())));
        long[] amounts = split(tier);
        String[] zeroBecause = new String[amounts.length];
        boolean sameDistrict = diner.homeCode().regionMatches(0, meal.siteCommunityCode(), 0, 6);
        boolean sameTown = diner.homeCode().regionMatches(0, meal.siteCommunityCode(), 0, 9);
        for (int i = 0; i < amounts.length; i++) {
            FundingSource source = tier.shares().get(i).source();
            if (!sameDistrict && (source == FundingSource.DISTRICT || source == FundingSource.TOWN_OR_STREET)) {
                amounts[i] = 0;
                zeroBecause[i] = "Eaten outside the diner's home district: its district and town shares are forfeited";
            } else if (!sameTown && source == FundingSource.TOWN_OR_STREET) {
                amounts[i] = 0;
                zeroBecause[i] = "Eaten outside the diner's home town or street: its share is forfeited";
            }
        }
        if (!sameDistrict) {
            reasons.add(new Reason(QuoteRule.OUTSIDE_HOME_DISTRICT, "The site is outside the diner's home district"));
        } else if (!sameTown) {
            reasons.add(new Reason(QuoteRule.OUTSIDE_HOME_TOWN, "The site is outside the diner's home town or street"));
        }

        if (policy.monthlyCapFen() != null) {
            long room = Math.max(0, policy.monthlyCapFen() - usage.subsidyThisMonthFen());
            long excess = sum(amounts) - room;
            if (excess > 0) {
                for (int i = amounts.length - 1; i >= 0 && excess > 0; i--) {
                    long cut = Math.min(amounts[i], excess);
                    amounts[i] -= cut;
                    excess -= cut;
                    if (cut > 0 && zeroBecause[i] == null) {
                        zeroBecause[i] = amounts[i] == 0 ? "The monthly cap is reached" : null;
                    }
                }
                reasons.add(new Reason(QuoteRule.MONTHLY_CAP, "The monthly cap leaves " + room + " fen this month"));
            }
        }

        long subsidy = sum(amounts);
        if (subsidy > 0 && meal.priceFen() < subsidy + policy.dinerFloorFen()) {
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] > 0) {
                    zeroBecause[i] = "The price is below the subsidy plus what the diner always pays";
                }
                amounts[i] = 0;
            }
            reasons.add(new Reason(QuoteRule.PRICE_BELOW_SUBSIDY_PLUS_FLOOR, "A price of " + meal.priceFen() + " fen is below the subsidy "
                    + subsidy + " plus the diner's floor " + policy.dinerFloorFen()));
            subsidy = 0;
        }

        List<QuotedShare> shares = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            shares.add(new QuotedShare(tier.shares().get(i).source(), amounts[i], amounts[i] == 0 ? zeroBecause[i] : null));
        }
        return new Quote(meal.priceFen(), subsidy, meal.priceFen() - subsidy, List.copyOf(shares), policy, tier, List.copyOf(reasons));
    }

    /**
     * The fixed amounts and the remainder of a tier. Valid tiers (checked when a policy is
     * created) never have fixed amounts above the subsidy.
     */
    static long[] split(Tier tier) {
        long[] amounts = new long[tier.shares().size()];
        long fixed = 0;
        int remainderAt = -1;
        for (int i = 0; i < amounts.length; i++) {
            Share share = tier.shares().get(i);
            if (share.remainder()) {
                remainderAt = i;
            } else {
                amounts[i] = share.amountFen();
                fixed += share.amountFen();
            }
        }
        if (remainderAt >= 0) {
            amounts[remainderAt] = tier.subsidyFen() - fixed;
        }
        return amounts;
    }

    private static long sum(long[] amounts) {
        long total = 0;
        for (long amount : amounts) {
            total += amount;
        }
        return total;
    }

    /**
     * The same meal with no subsidy, because the diner's subsidised meal of the slot was recorded
     * meanwhile (at another counter): what the one-subsidy-per-slot key in the database decided.
     */
    public static Quote slotAlreadySubsidised(Quote quote) {
        String because = "The diner's subsidised meal of this slot was recorded at another counter meanwhile";
        List<QuotedShare> shares = quote.shares().stream().map(share -> new QuotedShare(share.source(), 0, because)).toList();
        List<Reason> reasons = new ArrayList<>(quote.reasons());
        reasons.add(new Reason(QuoteRule.SLOT_LIMIT, because));
        return new Quote(quote.priceFen(), 0, quote.priceFen(), shares, quote.policy(), quote.tier(), List.copyOf(reasons));
    }

    private static Quote none(Meal meal, Policy policy, Tier tier, QuoteRule rule, String message) {
        return new Quote(meal.priceFen(), 0, meal.priceFen(), List.of(), policy, tier, List.of(new Reason(rule, message)));
    }
}
