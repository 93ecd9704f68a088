package org.zhucan.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues the bearer tokens that {@code login} hands out. */
@Service
class TokenService {

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(UserAccount account) {
        // JWT times are whole seconds; expiresAt must be the instant the token really stops working
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(TokenClaims.NAME, account.displayName())
                .claim(TokenClaims.ROLES, account.roles().stream().map(Role::name).sorted().toList())
                .claim(TokenClaims.DINER_IDS, account.dinerIds().stream().map(String::valueOf).toList())
                .claim(TokenClaims.USER_ID, String.valueOf(account.id()))
                .claim(TokenClaims.TOKEN_VERSION, String.valueOf(account.tokenVersion()));
        if (account.operatorId() != null) {
            claims.claim(TokenClaims.OPERATOR_ID, String.valueOf(account.operatorId()));
        }
        if (account.passwordChangeRequired()) {
            claims.claim(TokenClaims.PASSWORD_CHANGE_REQUIRED, true);
        }
        if (account.regionId() != null) {
            claims.claim(TokenClaims.REGION_ID, String.valueOf(account.regionId()));
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    record IssuedToken(String token, Instant expiresAt) {
    }
}
