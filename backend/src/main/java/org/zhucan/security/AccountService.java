package org.zhucan.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as other features need them: who an account is, and which diners a family account
 * may act for (family links belong to the account's scope).
 */
@Service
public class AccountService {

    private final UserAccountMapper accounts;
    private final Clock clock;

    AccountService(UserAccountMapper accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** An account by name, with its roles. */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        UserAccountMapper.UserAccountRow row = accounts.findByUsername(username);
        return row == null ? Optional.empty() : Optional.of(new Account(row.id(), row.username(), accounts.findRoles(row.id())));
    }

    /** The diners a family account may act for, read now (a token may be older than a new link). */
    @Transactional(readOnly = true)
    public List<Long> dinerIdsActedForBy(String username) {
        return accounts.findDinerIdsOf(username);
    }

    @Transactional
    public void linkToDiner(long userId, long dinerId, String relation) {
        accounts.linkDiner(userId, dinerId, relation, clock.instant());
    }

    /** An account and its roles. */
    public record Account(long id, String username, List<Role> roles) {
    }
}
