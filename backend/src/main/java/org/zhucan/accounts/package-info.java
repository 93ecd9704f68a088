/**
 * Accounts without SQL: the first administrator's bootstrap, administrators' account management
 * (create, edit, disable, enable, reset a password to a one-time password), an account's own
 * password change under the password policy, and family invitations. Logging in, tokens and their
 * revocation stay in security; this module calls its AccountService for every change that must
 * revoke tokens.
 * Its allowed dependencies are checked by ModularityTests.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = {"common", "network", "security", "diner"})
package org.zhucan.accounts;

import org.springframework.modulith.ApplicationModule;
