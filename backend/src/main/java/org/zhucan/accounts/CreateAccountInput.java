package org.zhucan.accounts;

import java.util.List;

import org.zhucan.security.Role;

/** createAccount's input. */
public record CreateAccountInput(String username, String displayName, List<Role> roles, Long operatorId, Long regionId) {
}
