package org.zhucan.accounts;

import java.time.Instant;
import java.util.List;

import org.zhucan.security.Role;

/** An account as administrators see it: never its password or hash. */
public record ManagedAccount(long id, String username, String displayName, List<Role> roles, Long operatorId, Long regionId,
                             boolean enabled, boolean passwordChangeRequired, Instant createdAt) {

    public ManagedAccount {
        roles = List.copyOf(roles);
    }

    static ManagedAccount of(AccountsMapper.AccountRow row, List<Role> roles) {
        return new ManagedAccount(row.id(), row.username(), row.displayName(), roles, row.operatorId(), row.regionId(), row.enabled(),
                row.passwordChangeRequired(), row.createdAt());
    }
}
