package org.zhucan.subsidy;

import java.time.LocalDate;
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

        /** Whether a tier needs an ability level, so that quotes need the diner's assessment. */
        public boolean needsAssessments() {
            return tiers.stream().anyMatch(tier -> tier.minAbilityLevel() != null);
        }
    }

    /**
     * A tier for one slot: who it is for and how its subsidy is split. {@code minAbilityLevel}, when
     * set, is the ability level (0 able .. 4 completely unable) an assessment in force must show.
     */
    public record Tier(long id, MealSlot slot, Set<DinerCategory> categories, int minAge, Integer maxAge, long subsidyFen,
                       List<Share> shares, Integer minAbilityLevel) {

        /** A tier that needs no assessment. */
        public Tier(long id, MealSlot slot, Set<DinerCategory> categories, int minAge, Integer maxAge, long subsidyFen, List<Share> shares) {
            this(id, slot, categories, minAge, maxAge, subsidyFen, shares, null);
        }

        boolean fits(MealSlot mealSlot, Set<DinerCategory> held, int age) {
            return slot == mealSlot && age >= minAge && (maxAge == null || age <= maxAge)
                    && (categories.isEmpty() || categories.stream().anyMatch(held::contains));
        }
    }

    /**
     * How often a policy has diners reassessed (常态化评估): the reassessment is due so many months
     * after an assessment, and a tier that needs an ability level still applies for the grace days after.
     */
    public record Schedule(int reassessmentMonths, int graceDays) {

        /** Half a year (seed 001: 半年一次) and 30 days' grace: where no policy says otherwise. */
        public static final Schedule DEFAULT = new Schedule(6, 30);

        public LocalDate dueOn(LocalDate assessedOn) {
            return assessedOn.plusMonths(reassessmentMonths);
        }

        /** The last day the assessment still counts for a tier. */
        public LocalDate graceEndsOn(LocalDate assessedOn) {
            return dueOn(assessedOn).plusDays(graceDays);
        }
    }

    /** A diner's latest assessment as of the meal date, with the schedule of the policy in force on the day it was made. */
    public record Assessment(int level, LocalDate assessedOn, Schedule schedule) {

        public LocalDate dueOn() {
            return schedule.dueOn(assessedOn);
        }

        public LocalDate graceEndsOn() {
            return schedule.graceEndsOn(assessedOn);
        }
    }

    /** A fixed amount from a source, or the remainder of the tier's subsidy. */
    public record Share(FundingSource source, Long amountFen, boolean remainder) {
    }

    /**
     * The diner on the meal date {@code on}. {@code homeCode} and the site's code are 12-digit division
     * codes of communities; {@code assessment} is the latest ability assessment made on or before
     * {@code on}, null when none (or when the policy has no tier that needs one).
     */
    public record DinerOnDay(boolean active, int age, Set<DinerCategory> categories, String homeCode, LocalDate on,
                             Assessment assessment) {

        /** A diner whose ability is not known, e.g. for a policy with no tier that needs it. */
        public DinerOnDay(boolean active, int age, Set<DinerCategory> categories, String homeCode) {
            this(active, age, categories, homeCode, null, null);
        }
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
        Tier barred = null;
        for (Tier candidate : policy.tiers()) {
            if (!candidate.fits(meal.slot(), diner.categories(), diner.age())) {
                continue;
            }
            if (abilityBar(candidate, diner) != null) {
                barred = barred == null || candidate.subsidyFen() > barred.subsidyFen() ? candidate : barred;
            } else if (tier == null || candidate.subsidyFen() > tier.subsidyFen()) {
                tier = candidate;
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (barred != null && (tier == null || barred.subsidyFen() > tier.subsidyFen())) {
            reasons.add(abilityBar(barred, diner));
        }
        if (tier == null) {
            reasons.add(new Reason(QuoteRule.NO_TIER, "No tier of the policy covers this slot, age and category"));
            return new Quote(meal.priceFen(), 0, meal.priceFen(), List.of(), policy, null, List.copyOf(reasons));
        }
        if (usage.mealsToday() >= policy.mealsPerDay()) {
            return none(meal, policy, tier, QuoteRule.DAILY_LIMIT,
                    "Already " + usage.mealsToday() + " subsidised meal(s) that day; the policy allows " + policy.mealsPerDay());
        }
        if (usage.mealsThisSlot() >= policy.mealsPerSlot()) {
            return none(meal, policy, tier, QuoteRule.SLOT_LIMIT,
                    "Already " + usage.mealsThisSlot() + " subsidised meal(s) in that slot; the policy allows " + policy.mealsPerSlot());
        }

        reasons.add(new Reason(QuoteRule.TIER, "Tier for " + meal.slot() + ", ages " + tier.minAge() + "-"
                + (tier.maxAge() == null ? "" : tier.maxAge()) + (tier.categories().isEmpty() ? "" : ", " + tier.categories())
                + (tier.minAbilityLevel() == null ? "" : ", ability level " + tier.minAbilityLevel() + " or above")));
        if (tier.minAbilityLevel() != null && diner.on().isAfter(diner.assessment().dueOn())) {
            Assessment assessment = diner.assessment();
            reasons.add(new Reason(QuoteRule.ASSESSMENT_IN_GRACE, "The assessment of " + assessment.assessedOn() + " was due for renewal on "
                    + assessment.dueOn() + "; it still counts until " + assessment.graceEndsOn() + " (" + assessment.schedule().graceDays()
                    + " days grace)"));
        }
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
     * Why a tier that needs an ability level does not apply to the diner on the meal date: no
     * assessment, its grace period is over, or its level is too low; null when it may apply. An
     * assessment counts up to and including the last day of its grace period.
     */
    static Reason abilityBar(Tier tier, DinerOnDay diner) {
        if (tier.minAbilityLevel() == null) {
            return null;
        }
        Assessment assessment = diner.assessment();
        if (assessment == null || diner.on() == null) {
            return new Reason(QuoteRule.NO_ASSESSMENT, "A tier for ability level " + tier.minAbilityLevel()
                    + " or above needs an ability assessment; the diner has none on the meal date");
        }
        if (diner.on().isAfter(assessment.graceEndsOn())) {
            return new Reason(QuoteRule.ASSESSMENT_EXPIRED, "The assessment of " + assessment.assessedOn() + " expired on "
                    + assessment.graceEndsOn() + " (due " + assessment.dueOn() + " + " + assessment.schedule().graceDays() + " days grace): the tier for ability level "
                    + tier.minAbilityLevel() + " or above no longer applies");
        }
        if (assessment.level() < tier.minAbilityLevel()) {
            return new Reason(QuoteRule.ABILITY_LEVEL_TOO_LOW, "The assessment of " + assessment.assessedOn() + " found level "
                    + assessment.level() + "; the tier needs level " + tier.minAbilityLevel() + " or above");
        }
        return null;
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
