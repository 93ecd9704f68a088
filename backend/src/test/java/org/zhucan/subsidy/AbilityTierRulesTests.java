package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules.Assessment;
import org.zhucan.subsidy.SubsidyRules.DinerOnDay;
import org.zhucan.subsidy.SubsidyRules.Meal;
import org.zhucan.subsidy.SubsidyRules.Policy;
import org.zhucan.subsidy.SubsidyRules.Quote;
import org.zhucan.subsidy.SubsidyRules.Schedule;
import org.zhucan.subsidy.SubsidyRules.Share;
import org.zhucan.subsidy.SubsidyRules.Tier;
import org.zhucan.subsidy.SubsidyRules.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiers that need an ability level (能力评估与供给挂钩), pure: a 失能 tier of 10.00 for level 3 and above
 * over the 7.00 tier for everyone aged 60 and over; the default schedule (due six months after the
 * assessment, 30 days' grace). An assessment of 2026-01-10 is due on 2026-07-10 and counts until 2026-08-09.
 */
class AbilityTierRulesTests {

    static final String HOME = "410371101201";
    static final LocalDate ASSESSED = LocalDate.of(2026, 1, 10);

    static Policy policy() {
        return new Policy(1, 1, 100, 1, 1, null, 60, List.of(tier(700, null, Set.of()), tier(1000, 3, Set.of())));
    }

    static Tier tier(long subsidy, Integer minAbilityLevel, Set<DinerCategory> categories) {
        return new Tier(subsidy, MealSlot.LUNCH, categories, 60, null, subsidy, List.of(new Share(FundingSource.CITY, null, true)), minAbilityLevel);
    }

    static Quote quoteOn(Policy policy, LocalDate mealDate, Assessment assessment) {
        return SubsidyRules.quote(policy, new DinerOnDay(true, 75, Set.of(), HOME, mealDate, assessment), new Meal(MealSlot.LUNCH, 1500, HOME),
                Usage.NONE);
    }

    static Assessment assessedAt(int level) {
        return new Assessment(level, ASSESSED, Schedule.DEFAULT);
    }

    @Test
    void shouldApplyTheAbilityTierWithAFreshAssessment() {
        Quote quote = quoteOn(policy(), LocalDate.of(2026, 3, 1), assessedAt(3));
        assertThat(quote.subsidyFen()).isEqualTo(1000);
        assertThat(quote.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.TIER);
        assertThat(quote.reasons().get(0).message()).contains("ability level 3 or above");
    }

    @Test
    void shouldStillApplyItWithinGraceAndSaySo() {
        Quote onDueDate = quoteOn(policy(), LocalDate.of(2026, 7, 10), assessedAt(4));
        assertThat(onDueDate.subsidyFen()).isEqualTo(1000);
        assertThat(onDueDate.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.TIER);
        Quote lastDay = quoteOn(policy(), LocalDate.of(2026, 8, 9), assessedAt(4));
        assertThat(lastDay.subsidyFen()).isEqualTo(1000);
        assertThat(lastDay.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.TIER, QuoteRule.ASSESSMENT_IN_GRACE);
        assertThat(lastDay.reasons().get(1).message())
                .isEqualTo("The assessment of 2026-01-10 was due for renewal on 2026-07-10; it still counts until 2026-08-09 (30 days grace)");
    }

    @Test
    void shouldFallBackToTheNextTierAfterGraceAndSayWhy() {
        Quote quote = quoteOn(policy(), LocalDate.of(2026, 8, 10), assessedAt(4));
        assertThat(quote.subsidyFen()).isEqualTo(700);
        assertThat(quote.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.ASSESSMENT_EXPIRED, QuoteRule.TIER);
        assertThat(quote.reasons().get(0).message()).startsWith(
                "The assessment of 2026-01-10 expired on 2026-08-09 (due 2026-07-10 + 30 days grace)");
    }

    @Test
    void shouldFollowThePolicysScheduleOfTheAssessment() {
        Assessment yearly = new Assessment(3, ASSESSED, new Schedule(12, 0));
        assertThat(yearly.dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(quoteOn(policy(), LocalDate.of(2027, 1, 10), yearly).subsidyFen()).isEqualTo(1000);
        assertThat(quoteOn(policy(), LocalDate.of(2027, 1, 11), yearly).subsidyFen()).isEqualTo(700);
        // month ends: six months after 31 August is the last day of February
        assertThat(Schedule.DEFAULT.dueOn(LocalDate.of(2025, 8, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void shouldTakeTheOtherTierWhenTheLevelIsTooLowOrThereIsNoAssessment() {
        Quote low = quoteOn(policy(), LocalDate.of(2026, 3, 1), assessedAt(2));
        assertThat(low.subsidyFen()).isEqualTo(700);
        assertThat(low.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.ABILITY_LEVEL_TOO_LOW, QuoteRule.TIER);
        Quote none = quoteOn(policy(), LocalDate.of(2026, 3, 1), null);
        assertThat(none.subsidyFen()).isEqualTo(700);
        assertThat(none.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.NO_ASSESSMENT, QuoteRule.TIER);
    }

    @Test
    void shouldSayWhyWhenTheAbilityTierWasTheOnlyOne() {
        Policy onlyDisabled = new Policy(1, 1, 100, 1, 1, null, 60, List.of(tier(1000, 3, EnumSet.of(DinerCategory.DISABLED))));
        Quote quote = SubsidyRules.quote(onlyDisabled, new DinerOnDay(true, 75, EnumSet.of(DinerCategory.DISABLED), HOME, LocalDate.of(2026, 9, 1),
                assessedAt(4)), new Meal(MealSlot.LUNCH, 1500, HOME), Usage.NONE);
        assertThat(quote.subsidyFen()).isZero();
        assertThat(quote.tier()).isNull();
        assertThat(quote.reasons()).extracting(SubsidyRules.Reason::rule).containsExactly(QuoteRule.ASSESSMENT_EXPIRED, QuoteRule.NO_TIER);
    }

    @Test
    void shouldNotMentionAnAbilityTierThatWouldPayLess() {
        Policy cheapAbilityTier = new Policy(1, 1, 100, 1, 1, null, 60, List.of(tier(700, null, Set.of()), tier(500, 3, Set.of())));
        assertThat(quoteOn(cheapAbilityTier, LocalDate.of(2026, 3, 1), null).reasons()).extracting(SubsidyRules.Reason::rule)
                .containsExactly(QuoteRule.TIER);
    }
}
