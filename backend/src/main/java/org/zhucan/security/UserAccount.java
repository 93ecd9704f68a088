package org.zhucan.security;

import java.util.List;
import java.util.Set;

/** An account that has proved its password: what its token will say about it. */
record UserAccount(long id, String username, String displayName, Long operatorId, Long regionId, Set<Role> roles,
                   List<Long> dinerIds, long tokenVersion, boolean passwordChangeRequired) {
}
