package org.zhucan.security;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs a scheduled job's work as a named system account with the ADMIN role, so that the same
 * services (and their scope checks and audit rows) serve requests and jobs alike. The name, e.g.
 * {@code system:recurring}, is what audit rows and {@code bookedBy} show.
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T runAs(String name, Supplier<T> work) {
        Jwt token = Jwt.withTokenValue("system")
                .header("alg", "none")
                .subject(name)
                .claim(TokenClaims.NAME, name)
                .claim(TokenClaims.ROLES, List.of(Role.ADMIN.name()))
                .issuedAt(Instant.now())
                .build();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
