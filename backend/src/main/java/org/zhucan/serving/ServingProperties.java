package org.zhucan.serving;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Serving settings.
 *
 * @param staffProxyThresholdPercent a site's day is flagged for review when more than this share of
 *     its meals were logged by staff on the diners' behalf (STAFF_PROXY)
 */
@ConfigurationProperties("zhucan.serving")
public record ServingProperties(int staffProxyThresholdPercent) {

    public ServingProperties {
        if (staffProxyThresholdPercent < 0 || staffProxyThresholdPercent > 100) {
            throw new IllegalArgumentException("zhucan.serving.staff-proxy-threshold-percent must be 0 to 100, not " + staffProxyThresholdPercent);
        }
    }
}
