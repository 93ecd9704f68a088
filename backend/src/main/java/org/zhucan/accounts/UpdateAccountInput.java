package org.zhucan.accounts;

import java.util.List;

import org.zhucan.security.Role;

/** updateAccount's input: omitted (null) fields stay. */
public record UpdateAccountInput(Long accountId, String displayName, List<Role> roles, Long operatorId, Long regionId) {
}
