package org.zhucan.security;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs a background job's work as the account that started it (an import's uploader or committer), on a worker
 * thread or another instance: the same roles and scope as its request had, so services' @PreAuthorize, scope
 * checks and audit rows apply to the job as they would to the request.
 */
public final class RunAsAccount {

    private RunAsAccount() {
    }

    public static <T> T run(CurrentUser user, Supplier<T> work) {
        Jwt.Builder token = Jwt.withTokenValue("job")
                .header("alg", "none")
                .subject(user.username())
                .claim(TokenClaims.NAME, user.displayName() == null ? user.username() : user.displayName())
                .claim(TokenClaims.ROLES, user.roles().stream().map(Role::name).toList())
                .issuedAt(Instant.now());
        if (user.regionId() != null) {
            token.claim(TokenClaims.REGION_ID, String.valueOf(user.regionId()));
        }
        if (user.operatorId() != null) {
            token.claim(TokenClaims.OPERATOR_ID, String.valueOf(user.operatorId()));
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(token.build(),
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
