package org.zhucan.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's signature is checked once; its validation (expiry, issuer, account version) runs on every decode. */
class VerifiedTokenDecoderTests {

    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicBoolean revoked = new AtomicBoolean();

    private final JwtDecoder signatureChecked = token -> {
        parsed.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").claim("uid", "7").issuedAt(Instant.EPOCH).build();
    };

    private final VerifiedTokenDecoder decoder = new VerifiedTokenDecoder(signatureChecked,
            jwt -> revoked.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null))
                    : OAuth2TokenValidatorResult.success(), 100, Duration.ofMinutes(5));

    @Test
    void shouldCheckATokensSignatureOnceAndValidateItOnEveryRequest() {
        assertThat(decoder.decode("a.b.c").getClaimAsString("uid")).isEqualTo("7");
        assertThat(decoder.decode("a.b.c").getTokenValue()).isEqualTo("a.b.c");
        assertThat(parsed).hasValue(1);

        revoked.set(true);
        assertThatThrownBy(() -> decoder.decode("a.b.c")).isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The token was revoked");
    }

    @Test
    void shouldNotRememberATokenWhoseSignatureFailed() {
        assertThatThrownBy(() -> decoder.decode("forged.b.c")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged.b.c")).isInstanceOf(BadJwtException.class);
        assertThat(parsed).hasValue(2);
    }
}
