package org.zhucan.subsidy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhucan.diner.DinerCategory;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules.DinerOnDay;
import org.zhucan.subsidy.SubsidyRules.Meal;
import org.zhucan.subsidy.SubsidyRules.Policy;
import org.zhucan.subsidy.SubsidyRules.Quote;
import org.zhucan.subsidy.SubsidyRules.Share;
import org.zhucan.subsidy.SubsidyRules.Tier;
import org.zhucan.subsidy.SubsidyRules.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule, on the demo policy: 12-yuan meal; 11 for 特困/低保/低保边缘/优抚 60+, 9 for 80+, 7 for 60-79; city 3 + district 3 + town the rest. */
class SubsidyRulesTests {

    static final String HOME = "410371101201";
    static final Set<DinerCategory> SPECIAL = EnumSet.of(DinerCategory.EXTREME_POVERTY, DinerCategory.MIN_LIVING,
            DinerCategory.LOW_INCOME_EDGE, DinerCategory.ENTITLED);

    static Policy demoPolicy(Long monthlyCapFen) {
        return new Policy(1, 1, 100, 1, 1, monthlyCapFen, 60, List.of(
                tier(MealSlot.LUNCH, SPECIAL, 60, null, 1100),
                tier(MealSlot.LUNCH, Set.of(), 80, null, 900),
                tier(MealSlot.LUNCH, Set.of(), 60, 79, 700)));
    }

    static Tier tier(MealSlot slot, Set<DinerCategory> categories, int minAge, Integer maxAge, long subsidy) {
        return new Tier(subsidy, slot, categories, minAge, maxAge, subsidy, List.of(new Share(FundingSource.CITY, 300L, false),
                new Share(FundingSource.DISTRICT, 300L, false), new Share(FundingSource.TOWN_OR_STREET, null, true)));
    }

    @Test
    void shouldPayElevenYuanForASpecialCategoryDiner() {
        Quote quote = quote(demoPolicy(null), 65, SPECIAL, HOME, 1200, Usage.NONE);
        assertThat(quote.subsidyFen()).isEqualTo(1100);
        assertThat(quote.dinerPaysFen()).isEqualTo(100);
        assertThat(quote.shares()).extracting(SubsidyRules.QuotedShare::amountFen).containsExactly(300L, 300L, 500L);
    }

    @Test
    void shouldPayByAgeBandOtherwise() {
        assertThat(quote(demoPolicy(null), 80, Set.of(), HOME, 1200, Usage.NONE).subsidyFen()).isEqualTo(900);
        assertThat(quote(demoPolicy(null), 79, Set.of(), HOME, 1200, Usage.NONE).subsidyFen()).isEqualTo(700);
        assertThat(quote(demoPolicy(null), 59, Set.of(), HOME, 1200, Usage.NONE).reasons().get(0).rule()).isEqualTo(QuoteRule.UNDER_MINIMUM_AGE);
    }

    @Test
    void shouldTakeTheBestFittingTier() {
        assertThat(quote(demoPolicy(null), 85, EnumSet.of(DinerCategory.MIN_LIVING), HOME, 1200, Usage.NONE).subsidyFen()).isEqualTo(1100);
        assertThat(quote(demoPolicy(null), 85, EnumSet.of(DinerCategory.LIVING_ALONE), HOME, 1200, Usage.NONE).subsidyFen()).isEqualTo(900);
    }

    @Test
    void shouldGiveNothingWithoutPolicyTierOrActiveStatus() {
        assertThat(SubsidyRules.quote(null, new DinerOnDay(true, 70, Set.of(), HOME), new Meal(MealSlot.LUNCH, 1200, HOME), Usage.NONE)
                .reasons().get(0).rule()).isEqualTo(QuoteRule.NO_POLICY);
        assertThat(SubsidyRules.quote(demoPolicy(null), new DinerOnDay(false, 70, Set.of(), HOME), new Meal(MealSlot.LUNCH, 1200, HOME), Usage.NONE)
                .reasons().get(0).rule()).isEqualTo(QuoteRule.DINER_NOT_ACTIVE);
        Quote dinner = SubsidyRules.quote(demoPolicy(null), new DinerOnDay(true, 70, Set.of(), HOME), new Meal(MealSlot.DINNER, 1200, HOME), Usage.NONE);
        assertThat(dinner.subsidyFen()).isZero();
        assertThat(dinner.reasons().get(0).rule()).isEqualTo(QuoteRule.NO_TIER);
    }

    @Test
    void shouldAllowOneSubsidisedMealADayAndPerSlot() {
        assertThat(quote(demoPolicy(null), 70, Set.of(), HOME, 1200, new Usage(1, 0, 700)).reasons().get(0).rule()).isEqualTo(QuoteRule.DAILY_LIMIT);
        Policy twoADay = new Policy(1, 1, 100, 2, 1, null, 60, demoPolicy(null).tiers());
        assertThat(quote(twoADay, 70, Set.of(), HOME, 1200, new Usage(1, 1, 700)).reasons().get(0).rule()).isEqualTo(QuoteRule.SLOT_LIMIT);
        assertThat(quote(twoADay, 70, Set.of(), HOME, 1200, new Usage(1, 0, 700)).subsidyFen()).isEqualTo(700);
    }

    @Test
    void shouldStopAtTheMonthlyCap() {
        Quote quote = quote(demoPolicy(15_000L), 70, Set.of(), HOME, 1200, new Usage(0, 0, 14_600));
        assertThat(quote.subsidyFen()).isEqualTo(400);
        assertThat(quote.shares()).extracting(SubsidyRules.QuotedShare::amountFen).containsExactly(300L, 100L, 0L);
        assertThat(quote.reasons()).extracting(SubsidyRules.Reason::rule).contains(QuoteRule.MONTHLY_CAP);
        assertThat(quote(demoPolicy(15_000L), 70, Set.of(), HOME, 1200, new Usage(0, 0, 15_000)).subsidyFen()).isZero();
    }

    @Test
    void shouldGiveNothingWhenThePriceIsBelowSubsidyPlusFloor() {
        assertThat(quote(demoPolicy(null), 70, Set.of(), HOME, 800, Usage.NONE).subsidyFen()).isEqualTo(700);
        Quote quote = quote(demoPolicy(null), 70, Set.of(), HOME, 799, Usage.NONE);
        assertThat(quote.subsidyFen()).isZero();
        assertThat(quote.dinerPaysFen()).isEqualTo(799);
        assertThat(quote.reasons()).extracting(SubsidyRules.Reason::rule).contains(QuoteRule.PRICE_BELOW_SUBSIDY_PLUS_FLOOR);
    }

    @Test
    void shouldForfeitTheTownShareOutsideTheHomeTownAndTheDistrictShareOutsideTheHomeDistrict() {
        Quote otherTown = quote(demoPolicy(null), 70, Set.of(), "410371102201", 1200, Usage.NONE);
        assertThat(otherTown.shares()).extracting(SubsidyRules.QuotedShare::amountFen).containsExactly(300L, 300L, 0L);
        assertThat(otherTown.shares().get(2).zeroBecause()).contains("home town");
        Quote otherDistrict = quote(demoPolicy(null), 70, Set.of(), "410999101201", 1200, Usage.NONE);
        assertThat(otherDistrict.shares()).extracting(SubsidyRules.QuotedShare::amountFen).containsExactly(300L, 0L, 0L);
        assertThat(otherDistrict.subsidyFen()).isEqualTo(300);
        assertThat(otherDistrict.reasons()).extracting(SubsidyRules.Reason::rule).contains(QuoteRule.OUTSIDE_HOME_DISTRICT);
        Quote sameTownOtherVillage = quote(demoPolicy(null), 70, Set.of(), "410371101202", 1200, Usage.NONE);
        assertThat(sameTownOtherVillage.subsidyFen()).isEqualTo(700);
    }

    private static Quote quote(Policy policy, int age, Set<DinerCategory> categories, String siteCode, long price, Usage usage) {
        return SubsidyRules.quote(policy, new DinerOnDay(true, age, categories, HOME), new Meal(MealSlot.LUNCH, price, siteCode), usage);
    }
}
