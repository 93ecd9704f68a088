package org.zhucan.subsidy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerCategory;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.DinerStatus;
import org.zhucan.network.MealSlot;
import org.zhucan.subsidy.SubsidyRules.DinerOnDay;
import org.zhucan.subsidy.SubsidyRules.Meal;
import org.zhucan.subsidy.SubsidyRules.Policy;
import org.zhucan.subsidy.SubsidyRules.Quote;
import org.zhucan.subsidy.SubsidyRules.Share;
import org.zhucan.subsidy.SubsidyRules.Tier;
import org.zhucan.subsidy.SubsidyRules.Usage;

import static org.assertj.core.api.Assertions.assertThat;

class SubsidyRulesProperties {

    private static final String HOME = "410371101201";

    @Property
    void sharesAreNeverNegativeAndAlwaysAddUpToTheSubsidy(@ForAll("policies") Policy policy, @ForAll("meals") Meal meal,
                                                          @ForAll("usages") Usage usage, @ForAll @IntRange(min = 55, max = 100) int age) {
        Quote quote = SubsidyRules.quote(policy, new DinerOnDay(true, age, EnumSet.of(DinerCategory.MIN_LIVING), HOME), meal, usage);
        assertThat(quote.shares()).allSatisfy(share -> assertThat(share.amountFen()).isNotNegative());
        assertThat(quote.shares().stream().mapToLong(SubsidyRules.QuotedShare::amountFen).sum()).isEqualTo(quote.subsidyFen());
        assertThat(quote.subsidyFen() + quote.dinerPaysFen()).isEqualTo(meal.priceFen());
    }

    @Property
    void theSubsidyIsNeverAbovePriceMinusFloor(@ForAll("policies") Policy policy, @ForAll("meals") Meal meal, @ForAll("usages") Usage usage) {
        Quote quote = SubsidyRules.quote(policy, new DinerOnDay(true, 85, Set.of(), HOME), meal, usage);
        assertThat(quote.subsidyFen() == 0 || quote.subsidyFen() <= meal.priceFen() - policy.dinerFloorFen()).isTrue();
    }

    @Property
    void capsHold(@ForAll("policies") Policy policy, @ForAll("meals") Meal meal, @ForAll("usages") Usage usage) {
        Quote quote = SubsidyRules.quote(policy, new DinerOnDay(true, 75, Set.of(), HOME), meal, usage);
        if (policy.monthlyCapFen() != null) {
            assertThat(quote.subsidyFen()).isLessThanOrEqualTo(Math.max(0, policy.monthlyCapFen() - usage.subsidyThisMonthFen()));
        }
        if (usage.mealsToday() >= policy.mealsPerDay() || usage.mealsThisSlot() >= policy.mealsPerSlot()) {
            assertThat(quote.subsidyFen()).isZero();
        }
    }

    @Property
    void theAgeBandChangesExactlyOnTheBirthday(@ForAll("birthDates") LocalDate birthDate, @ForAll @IntRange(min = 60, max = 100) int years) {
        Diner diner = new Diner(1, "x", "x", birthDate, org.zhucan.common.pii.IdNumber.Sex.FEMALE, null, 1, "x", null,
                DinerStatus.ACTIVE, birthDate, 0);
        LocalDate birthday = birthDate.plusYears(years);
        assertThat(DinerService.ageOn(diner, birthday.minusDays(1))).isEqualTo(years - 1);
        assertThat(DinerService.ageOn(diner, birthday)).isEqualTo(years);
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, 20_000).map(days -> LocalDate.of(1920, 1, 1).plusDays(days))
                .filter(date -> !(date.getMonthValue() == 2 && date.getDayOfMonth() == 29));
    }

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<Long> subsidies = Arbitraries.longs().between(0, 2_000);
        Arbitrary<Tier> tiers = Combinators.combine(subsidies, Arbitraries.integers().between(0, 3),
                        Arbitraries.of(MealSlot.class), Arbitraries.integers().between(55, 90))
                .as((subsidy, fixedPart, slot, minAge) -> new Tier(1, slot, Set.of(), minAge, null, subsidy, List.of(
                        new Share(FundingSource.CITY, subsidy * fixedPart / 10, false),
                        new Share(FundingSource.DISTRICT, subsidy * fixedPart / 10, false),
                        new Share(FundingSource.TOWN_OR_STREET, null, true))));
        return Combinators.combine(tiers.list().ofMinSize(1).ofMaxSize(4), Arbitraries.longs().between(0, 300),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(0, 30_000).injectNull(0.3))
                .as((tierList, floor, perDay, perSlot, cap) -> new Policy(1, 1, floor, perDay, perSlot, cap, 60, tierList));
    }

    @Provide
    Arbitrary<Meal> meals() {
        return Combinators.combine(Arbitraries.of(MealSlot.class), Arbitraries.longs().between(0, 3_000),
                        Arbitraries.of(HOME, "410371101202", "410371102201", "410999101201"))
                .as(Meal::new);
    }

    @Provide
    Arbitrary<Usage> usages() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 40_000)).as(Usage::new);
    }

    @Property
    void fixedSharesNeverExceedTheirTier(@ForAll @LongRange(min = 0, max = 5000) long subsidy) {
        Tier tier = new Tier(1, MealSlot.LUNCH, Set.of(), 60, null, subsidy, List.of(
                new Share(FundingSource.CITY, subsidy / 3, false), new Share(FundingSource.TOWN_OR_STREET, null, true)));
        long[] split = SubsidyRules.split(tier);
        assertThat(split[0] + split[1]).isEqualTo(subsidy);
        assertThat(split[1]).isNotNegative();
    }
}
