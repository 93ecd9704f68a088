package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules.Assessment;
import org.zhucan.subsidy.SubsidyRules.DinerOnDay;
import org.zhucan.subsidy.SubsidyRules.Meal;
import org.zhucan.subsidy.SubsidyRules.Quote;
import org.zhucan.subsidy.SubsidyRules.Schedule;
import org.zhucan.subsidy.SubsidyRules.Usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhucan.subsidy.AbilityTierRulesTests.ASSESSED;
import static org.zhucan.subsidy.AbilityTierRulesTests.HOME;
import static org.zhucan.subsidy.AbilityTierRulesTests.assessedAt;
import static org.zhucan.subsidy.AbilityTierRulesTests.policy;
import static org.zhucan.subsidy.AbilityTierRulesTests.quoteOn;

/** Tiers that need an ability level, as properties over the policy of {@link AbilityTierRulesTests}. */
class AbilityTierRulesProperties {

    /**
     * Whatever the schedule, level and meal date, the ability tier applies exactly while the level is
     * high enough and the meal is on or before the assessment's last day of grace; otherwise the
     * quote falls back to the other tier and says why.
     */
    @Property
    void theAbilityTierAppliesExactlyUntilTheGracePeriodEnds(@ForAll @IntRange(min = 1, max = 60) int months,
                                                            @ForAll @IntRange(min = 0, max = 366) int graceDays,
                                                            @ForAll @IntRange(min = 0, max = 4) int level,
                                                            @ForAll @IntRange(min = 0, max = 2500) int daysAfter) {
        Assessment assessment = new Assessment(level, ASSESSED, new Schedule(months, graceDays));
        LocalDate mealDate = ASSESSED.plusDays(daysAfter);
        Quote quote = quoteOn(policy(), mealDate, assessment);
        boolean inForce = !mealDate.isAfter(ASSESSED.plusMonths(months).plusDays(graceDays));
        assertThat(quote.subsidyFen()).isEqualTo(inForce && level >= 3 ? 1000 : 700);
        assertThat(quote.reasons().get(0).rule()).isEqualTo(!inForce ? QuoteRule.ASSESSMENT_EXPIRED
                : level < 3 ? QuoteRule.ABILITY_LEVEL_TOO_LOW : QuoteRule.TIER);
    }

    /** An assessment never lowers a subsidy: whatever it says, the diner gets at least what they get with none. */
    @Property
    void anAssessmentNeverLowersTheSubsidy(@ForAll @IntRange(min = 0, max = 4) int level, @ForAll @IntRange(min = 0, max = 1000) int daysAfter,
                                           @ForAll @IntRange(min = 60, max = 100) int age) {
        LocalDate mealDate = ASSESSED.plusDays(daysAfter);
        Meal meal = new Meal(MealSlot.LUNCH, 1500, HOME);
        Quote without = SubsidyRules.quote(policy(), new DinerOnDay(true, age, Set.of(), HOME, mealDate, null), meal, Usage.NONE);
        Quote with = SubsidyRules.quote(policy(), new DinerOnDay(true, age, Set.of(), HOME, mealDate, assessedAt(level)), meal, Usage.NONE);
        assertThat(with.subsidyFen()).isGreaterThanOrEqualTo(without.subsidyFen());
    }
}
