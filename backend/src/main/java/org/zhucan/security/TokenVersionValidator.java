package org.zhucan.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token only while its account is enabled and unchanged: the token's version must be
 * the account's current one ({@link TokenVersions}). Runs in the JWT decoder, so HTTP requests and
 * WebSocket {@code connection_init} alike are checked. A token without a version (issued before
 * versions existed) is refused: its holder logs in again. Jobs running as {@link SystemActor}
 * never pass through a decoder, so they are not affected.
 */
final class TokenVersionValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NO_VERSION = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token carries no account version (issued before versions); log in again", null);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token was revoked: the account was disabled or its roles or scope changed; log in again", null);

    private final TokenVersions versions;

    TokenVersionValidator(TokenVersions versions) {
        this.versions = versions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Long userId = number(token, TokenClaims.USER_ID);
        Long version = number(token, TokenClaims.TOKEN_VERSION);
        if (userId == null || version == null) {
            return OAuth2TokenValidatorResult.failure(NO_VERSION);
        }
        TokenVersion current = versions.current(userId);
        return current != null && current.accepts(version) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
    }

    private static Long number(Jwt token, String claim) {
        String value = token.getClaimAsString(claim);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
