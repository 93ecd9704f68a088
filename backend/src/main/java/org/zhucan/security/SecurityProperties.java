package org.zhucan.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code zhucan.security.*}).
 *
 * @param jwtSecret the HMAC-SHA256 key that signs and checks tokens, at least 32 bytes ({@code ZHUCAN_JWT_SECRET})
 * @param tokenTtl how long a token from {@code login} is accepted
 * @param tokenVersionCacheTtl how long Redis keeps an account's token version before it is read
 *     from MySQL again; changes are written to Redis at once, so this only bounds how long a
 *     change that could not reach Redis (and was not retried in time) goes unseen
 */
@ConfigurationProperties("zhucan.security")
@Validated
public record SecurityProperties(
        @NotBlank String jwtSecret,
        @DefaultValue("12h") @NotNull @DurationMin(inclusive = false) Duration tokenTtl,
        @DefaultValue("10m") @NotNull @DurationMin(inclusive = false) Duration tokenVersionCacheTtl) {

    byte[] jwtSecretBytes() {
        return jwtSecret.getBytes(StandardCharsets.UTF_8);
    }
}
