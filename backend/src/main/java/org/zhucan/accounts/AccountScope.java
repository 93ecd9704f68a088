package org.zhucan.accounts;

import java.util.Collection;
import java.util.Optional;

import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.security.Role;

/**
 * Which scope a set of roles needs, for any role there is: OPERATOR acts for an operator, DINER
 * for its linked diners (no scope), and every other role (ADMIN, FINANCE, INSPECTOR, street or
 * hotline staff...) sees a region's subtree. An ADMIN without a region, as the bootstrap makes it,
 * sees everything; an ADMIN made here names its region.
 */
final class AccountScope {

    private AccountScope() {
    }

    static boolean needsOperator(Collection<Role> roles) {
        return roles.contains(Role.OPERATOR);
    }

    static boolean needsRegion(Collection<Role> roles) {
        return roles.stream().anyMatch(role -> role != Role.OPERATOR && role != Role.DINER);
    }

    /** Why these roles cannot have this scope; empty when they can. */
    static Optional<UserError> check(Collection<Role> roles, Long operatorId, Long regionId) {
        if (needsOperator(roles) && operatorId == null) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_SCOPE, "An OPERATOR account needs the operator it acts for", "input", "operatorId"));
        }
        if (!needsOperator(roles) && operatorId != null) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_SCOPE, "Only OPERATOR accounts act for an operator", "input", "operatorId"));
        }
        if (needsRegion(roles) && regionId == null) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_SCOPE, "Roles " + roles + " need the region the account sees", "input", "regionId"));
        }
        if (!needsRegion(roles) && regionId != null) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_SCOPE, "Only region-scoped roles (not OPERATOR or DINER alone) have a region",
                    "input", "regionId"));
        }
        return Optional.empty();
    }
}
