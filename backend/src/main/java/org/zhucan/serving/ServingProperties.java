package org.zhucan.serving;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Serving settings.
 *
 * @param staffProxyThresholdPercent a site's day is flagged for review when more than this share of
 *     its meals were logged by staff on the diners' behalf (STAFF_PROXY)
 */
@ConfigurationProperties("zhucan.serving")
@Validated
public record ServingProperties(@Min(0) @Max(100) int staffProxyThresholdPercent) {
}
