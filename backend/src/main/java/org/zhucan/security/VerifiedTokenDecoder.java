package org.zhucan.security;

import java.time.Duration;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The bearer token's decoder, remembering which tokens it has parsed and whose signature it has checked: parsing, the HMAC
 * and the claims' conversion took about 5 % of a home-screen request's CPU, on every request of a token that a client sends
 * hundreds of times. Expiry, issuer and the account's token version are validated on every request, so an expired or revoked
 * token is refused exactly as before; only a token whose signature held is remembered.
 */
final class VerifiedTokenDecoder implements JwtDecoder {

    private static final String VALIDATION_MESSAGE = "An error occurred while attempting to decode the Jwt: %s";

    private final JwtDecoder signatureChecked;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /** {@code signatureChecked}: parses and checks the signature, validating nothing else. */
    VerifiedTokenDecoder(JwtDecoder signatureChecked, OAuth2TokenValidator<Jwt> validator, int remembered, Duration idle) {
        this.signatureChecked = signatureChecked;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(remembered).expireAfterAccess(idle).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, signatureChecked::decode);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return jwt;
    }

    /** As Spring's NimbusJwtDecoder words it, so that a refused token reads the same. */
    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream().filter(error -> error.getDescription() != null && !error.getDescription().isEmpty()).findFirst()
                .map(error -> VALIDATION_MESSAGE.formatted(error.getDescription())).orElse("Unable to validate Jwt");
    }
}
