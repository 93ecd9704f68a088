package org.zhucan.accounts;

import org.zhucan.security.Role;

/** Narrows the account list; every part given must hold. */
public record AccountFilter(Role role, Boolean enabled, Long regionId, Long operatorId, String usernameContains) {

    static final AccountFilter NONE = new AccountFilter(null, null, null, null, null);
}
