package org.zhucan.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code zhucan.security.*}).
 *
 * @param jwtSecret the HMAC-SHA256 key that signs and checks tokens, at least 32 bytes ({@code ZHUCAN_JWT_SECRET})
 * @param tokenTtl how long a token from {@code login} is accepted
 */
@ConfigurationProperties("zhucan.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("12h") Duration tokenTtl) {

    byte[] jwtSecretBytes() {
        return jwtSecret.getBytes(StandardCharsets.UTF_8);
    }
}
