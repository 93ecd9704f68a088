package org.zhucan.common.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health check settings.
 *
 * @param timeout how long the {@code db} and {@code redis} health components wait for an answer
 *     before reporting the service as failing, so that a stalled MySQL or Redis never stalls a probe
 */
@ConfigurationProperties("zhucan.health")
public record HealthProperties(@DefaultValue("2s") Duration timeout) {

    public HealthProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("zhucan.health.timeout must be positive, not " + timeout);
        }
    }
}
