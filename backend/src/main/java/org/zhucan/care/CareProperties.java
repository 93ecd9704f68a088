package org.zhucan.care;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Care settings ({@code zhucan.care.*}).
 *
 * @param noMealDays how many days without a meal and without a booking raise a STOPPED_EATING alert for a diner
 *     who usually eats ({@code ZHUCAN_CARE_NO_MEAL_DAYS})
 * @param usualMeals how many meals in the four weeks before those days make a diner one who usually eats
 *     (three a week: 12)
 * @param visitTargetPercent the monthly visit rate each community is held to (seed: 月探访率达到100%)
 * @param jobsEnabled whether this instance runs the eating-pattern job ({@code ZHUCAN_CARE_JOBS})
 * @param eatingPatternEvery how often the job looks
 */
@ConfigurationProperties("zhucan.care")
@Validated
public record CareProperties(
        @DefaultValue("3") @Positive @Max(60) int noMealDays,
        @DefaultValue("12") @Positive @Max(84) int usualMeals,
        @DefaultValue("100") @Positive @Max(100) int visitTargetPercent,
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("1h") @NotNull Duration eatingPatternEvery) {
}
