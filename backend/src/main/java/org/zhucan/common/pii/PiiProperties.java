package org.zhucan.common.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The personal-data key ({@code zhucan.pii.*}).
 *
 * @param key base64 of the 32-byte AES key ({@code ZHUCAN_PII_KEY}); checked at start-up by RequiredSettings
 */
@ConfigurationProperties("zhucan.pii")
public record PiiProperties(String key) {
}
