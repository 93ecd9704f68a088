package org.zhucan.security;

import java.util.List;
import java.util.Set;

/** A staff or family account as stored, with its roles and scope. */
record UserAccount(long id, String username, String passwordHash, String displayName, boolean enabled,
                   Long operatorId, Long regionId, Set<Role> roles, List<Long> dinerIds) {
}
