package org.zhucan.menu;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.zhucan.network.MealSlot;

/**
 * The 三减 targets (seed 002: 三减三健, 减盐、减油、减糖) a menu's dishes are shown against: at most
 * so many grams a day, of which each slot takes its share. One deployment-wide setting rather than a
 * per-district table: the figures are the national dietary guidelines' (中国居民膳食指南 2022), which
 * no district in the seeds departs from; a district that does can run with its own values.
 *
 * @param dailySaltGrams salt a day (default 5)
 * @param dailyOilGrams cooking oil a day (default 25, the lower end of 25-30)
 * @param dailySugarGrams added sugar a day (default 25, the guidelines' "ideally below")
 * @param breakfastPercent breakfast's share of the day (default 30)
 * @param lunchPercent lunch's share (default 40)
 * @param dinnerPercent dinner's share (default 30)
 */
@ConfigurationProperties("zhucan.nutrition")
@Validated
public record NutritionTargets(@Min(0) @Max(100) int dailySaltGrams, @Min(0) @Max(500) int dailyOilGrams, @Min(0) @Max(500) int dailySugarGrams,
                               @Min(0) @Max(100) int breakfastPercent, @Min(0) @Max(100) int lunchPercent, @Min(0) @Max(100) int dinnerPercent) {

    /** A nutrient's target for a day and for one slot, in grams; slotMg, the slot's in milligrams, keeps comparisons exact. */
    public record Target(Nutrient nutrient, double dailyGrams, double slotGrams, long slotMg) {
    }

    /** An amount against its slot target, as the API shows it: grams (null when unknown) and whether within. */
    public record Amount(Nutrient nutrient, Double grams, double targetGrams, Boolean withinTarget) {

        static Amount of(Target target, Long milligrams) {
            return new Amount(target.nutrient(), milligrams == null ? null : milligrams / 1000.0, target.slotGrams(),
                    milligrams == null ? null : milligrams <= target.slotMg());
        }
    }

    public List<Target> targets(MealSlot slot) {
        List<Target> targets = new ArrayList<>();
        for (Nutrient nutrient : Nutrient.values()) {
            long daily = 1000L * switch (nutrient) {
                case SALT -> dailySaltGrams;
                case OIL -> dailyOilGrams;
                case SUGAR -> dailySugarGrams;
            };
            int percent = switch (slot) {
                case BREAKFAST -> breakfastPercent;
                case LUNCH -> lunchPercent;
                case DINNER -> dinnerPercent;
            };
            long slotMg = daily * percent / 100;
            targets.add(new Target(nutrient, daily / 1000.0, slotMg / 1000.0, slotMg));
        }
        return targets;
    }

    /** The dishes' amounts summed, each against the slot's target; unknown when any dish lacks it. */
    public List<Amount> amounts(MealSlot slot, List<Dish> dishes) {
        List<Amount> amounts = new ArrayList<>();
        for (Target target : targets(slot)) {
            Long sum = 0L;
            for (Dish dish : dishes) {
                Integer mg = dish.milligramsOf(target.nutrient());
                sum = sum == null || mg == null ? null : sum + mg;
            }
            amounts.add(Amount.of(target, dishes.isEmpty() ? null : sum));
        }
        return amounts;
    }
}
