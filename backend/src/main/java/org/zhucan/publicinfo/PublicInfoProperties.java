package org.zhucan.publicinfo;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Public information settings ({@code zhucan.public.*}).
 *
 * @param rateLimit public fields an anonymous client address may read per window
 *     ({@code ZHUCAN_PUBLIC_RATE_LIMIT}); each public root field of a request counts, aliases included
 * @param rateWindow the window: it starts with an address's first read and the count is forgotten when it ends
 */
@ConfigurationProperties("zhucan.public")
@Validated
public record PublicInfoProperties(
        @DefaultValue("60") @Positive int rateLimit,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration rateWindow) {
}
