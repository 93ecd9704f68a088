package org.zhucan.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The logged-in caller and the scope its token carries. Services use it to check roles and to
 * narrow SQL: an operator's staff see their operator's rows, finance and inspectors their
 * region's, a family account its diners'.
 *
 * @param operatorId for OPERATOR accounts, the operator they act for
 * @param regionId for FINANCE and INSPECTOR accounts (and ADMIN), the region whose subtree they see
 * @param dinerIds for DINER accounts, the diners they may act for
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, Long operatorId, Long regionId,
                          List<Long> dinerIds) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        dinerIds = List.copyOf(dinerIds);
    }

    /** Whether the caller is staff (an OPERATOR account) of this operator. */
    public boolean actsForOperator(long operator) {
        return roles.contains(Role.OPERATOR) && operatorId != null && operatorId == operator;
    }

    /** The caller of the current request, read from its verified token. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return fromToken(jwt);
        }
        throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no bearer token");
    }

    /** Whether the current request carries a verified token (public information is open without one). */
    public static boolean isLoggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt;
    }

    static CurrentUser fromToken(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : jwt.getClaimAsStringList(TokenClaims.ROLES)) {
            roles.add(Role.valueOf(role));
        }
        List<Long> dinerIds = new ArrayList<>();
        List<String> dinerClaim = jwt.getClaimAsStringList(TokenClaims.DINER_IDS);
        if (dinerClaim != null) {
            dinerClaim.forEach(id -> dinerIds.add(Long.valueOf(id)));
        }
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(TokenClaims.NAME), roles,
                longClaim(jwt, TokenClaims.OPERATOR_ID), longClaim(jwt, TokenClaims.REGION_ID), dinerIds);
    }

    private static Long longClaim(Jwt jwt, String name) {
        String value = jwt.getClaimAsString(name);
        return value == null ? null : Long.valueOf(value);
    }
}
