package org.zhucan.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery settings ({@code zhucan.delivery.*}).
 *
 * @param maxDistanceMetres how far from the diner's home a courier's position may be when confirming a stop without
 *     giving a reason ({@code ZHUCAN_DELIVERY_MAX_DISTANCE_METRES})
 * @param minutesPerStop the service time a confirmed stop counts towards a volunteer's hours
 *     ({@code ZHUCAN_DELIVERY_MINUTES_PER_STOP})
 */
@ConfigurationProperties("zhucan.delivery")
@Validated
public record DeliveryProperties(
        @DefaultValue("200") @Positive @Max(10000) int maxDistanceMetres,
        @DefaultValue("20") @Positive @Max(240) int minutesPerStop) {
}
