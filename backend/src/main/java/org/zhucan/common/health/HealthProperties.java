package org.zhucan.common.health;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Health check settings.
 *
 * @param timeout how long the {@code db} and {@code redis} health components wait for an answer
 *     before reporting the service as failing, so that a stalled MySQL or Redis never stalls a probe
 */
@ConfigurationProperties("zhucan.health")
@Validated
public record HealthProperties(@DefaultValue("2s") @NotNull @DurationMin(inclusive = false) Duration timeout) {
}
