package org.zhucan.eligibility;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Application settings ({@code zhucan.eligibility.*}).
 *
 * @param publicityDays how many days an approved application is published (公示期), from the day after approval
 *     ({@code ZHUCAN_PUBLICITY_DAYS})
 * @param jobsEnabled whether this instance runs the job that makes applications effective ({@code ZHUCAN_ELIGIBILITY_JOBS})
 * @param effectEvery how often the job looks for publicity periods that ended
 */
@ConfigurationProperties("zhucan.eligibility")
@Validated
public record EligibilityProperties(
        @DefaultValue("7") @Positive @Max(365) int publicityDays,
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("10m") @NotNull Duration effectEvery) {
}
