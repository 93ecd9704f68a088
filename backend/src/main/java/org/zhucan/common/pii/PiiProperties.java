package org.zhucan.common.pii;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The personal-data key ({@code zhucan.pii.*}).
 *
 * @param key base64 of the 32-byte AES key ({@code ZHUCAN_PII_KEY}); checked at start-up by RequiredSettings
 */
@ConfigurationProperties("zhucan.pii")
@Validated
public record PiiProperties(@NotBlank String key) {
}
