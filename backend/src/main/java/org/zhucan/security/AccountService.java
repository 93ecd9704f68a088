package org.zhucan.security;

import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.BadRequestException;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.security.UserAccountMapper.UserAccountRow;

/**
 * Accounts as other features need them: who an account is, and which diners a family account
 * may act for (family links belong to the account's scope); and the changes that must reach
 * every token at once. Disabling, enabling, and changing roles or scope add one to the
 * account's token version in the same transaction, and publish it to {@link TokenVersions}
 * after the commit: the tokens issued before stop working on the next request, on every
 * instance. Each change is audited with the account's state before and after.
 */
@Service
public class AccountService {

    private final UserAccountMapper accounts;
    private final Clock clock;
    private final TokenVersions tokenVersions;
    private final AuditService audit;
    private final Pseudonyms pseudonyms;

    AccountService(UserAccountMapper accounts, Clock clock, TokenVersions tokenVersions, AuditService audit, Pseudonyms pseudonyms) {
        this.accounts = accounts;
        this.clock = clock;
        this.tokenVersions = tokenVersions;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
    }

    /** An account by name, with its roles. */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        UserAccountRow row = accounts.findByUsername(username);
        return row == null ? Optional.empty() : Optional.of(new Account(row.id(), row.username(), accounts.findRoles(row.id()), row.operatorId(), row.enabled()));
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

    /**
     * Ends a family link; false when there was none. Takes effect on the next request without
     * revoking tokens: a family account's diners are read anew on every request
     * ({@link #dinerIdsActedForBy}), never taken from its token.
     */
    @Transactional
    public boolean unlinkFromDiner(long userId, long dinerId) {
        return accounts.unlinkDiner(userId, dinerId) > 0;
    }

    /**
     * Gives the account a new password hash (never the password) and says whether it must be
     * changed at the next login; the account's tokens stop working at once, on every instance.
     * Audited under {@code action} without the password. The caller decides who may do this
     * (an administrator's reset, or the account's own change); it must be logged in.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setPassword(long userId, String passwordHash, boolean changeRequired, String action) {
        UserAccountRow row = accounts.lockById(userId);
        if (row == null) {
            throw new NotFoundException("Account", userId);
        }
        accounts.setPassword(userId, passwordHash, changeRequired, clock.instant());
        long version = row.tokenVersion() + 1;
        audit.record(action, AuthService.ENTITY_TYPE, pseudonyms.unlessPersonal(row.username()),
                Map.of("passwordChangeRequired", row.passwordChangeRequired(), "tokenVersion", row.tokenVersion()),
                Map.of("passwordChangeRequired", changeRequired, "tokenVersion", version));
        publishAfterCommit(userId, new TokenVersion(version, row.enabled()));
    }
    /** Stops the account from logging in, and its tokens from working. ADMIN only. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountState disable(long userId) {
        return change(userId, "ACCOUNT_DISABLED", state -> state.with(false, state.roles(), state.operatorId(), state.regionId()));
    }

    /** Lets a disabled account log in again (its old tokens stay revoked). ADMIN only. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountState enable(long userId) {
        return change(userId, "ACCOUNT_ENABLED", state -> state.with(true, state.roles(), state.operatorId(), state.regionId()));
    }

    /** Gives the account these roles instead of its own; its tokens stop working. ADMIN only. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountState changeRoles(long userId, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new BadRequestException("An account needs at least one role", "roles");
        }
        return change(userId, "ACCOUNT_ROLES_CHANGED", state -> state.with(state.enabled(), roles, state.operatorId(), state.regionId()));
    }

    /** Moves the account to another operator or region (null for none); its tokens stop working. ADMIN only. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountState changeScope(long userId, Long operatorId, Long regionId) {
        return change(userId, "ACCOUNT_SCOPE_CHANGED", state -> state.with(state.enabled(), state.roles(), operatorId, regionId));
    }

    private AccountState change(long userId, String action, UnaryOperator<AccountState> edit) {
        UserAccountRow row = accounts.lockById(userId);
        if (row == null) {
            throw new NotFoundException("Account", userId);
        }
        AccountState before = new AccountState(row.enabled(), roleSet(accounts.findRoles(userId)), row.operatorId(), row.regionId(),
                row.tokenVersion());
        AccountState wanted = edit.apply(before);
        if (wanted.equals(before)) {
            return before; // nothing changes, so the tokens stay good
        }
        accounts.update(userId, wanted.enabled(), wanted.operatorId(), wanted.regionId());
        if (!wanted.roles().equals(before.roles())) {
            accounts.deleteRoles(userId);
            accounts.insertRoles(userId, wanted.roles());
        }
        // the row is locked, so the update made it exactly one more
        AccountState after = wanted.withTokenVersion(before.tokenVersion() + 1);
        String name = pseudonyms.unlessPersonal(row.username());
        audit.record(action, AuthService.ENTITY_TYPE, name, before, after);
        publishAfterCommit(userId, new TokenVersion(after.tokenVersion(), after.enabled()));
        return after;
    }

    private void publishAfterCommit(long userId, TokenVersion published) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tokenVersions.changed(userId, published);
            }
        });
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** An account and its roles. */
    public record Account(long id, String username, List<Role> roles, Long operatorId, boolean enabled) {
    }

    /** What an account change can touch, as audited before and after. */
    public record AccountState(boolean enabled, Set<Role> roles, Long operatorId, Long regionId, long tokenVersion) {

        public AccountState {
            // in the enum's order, so the audited JSON reads the same every time
            roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        }

        AccountState with(boolean enabled, Set<Role> roles, Long operatorId, Long regionId) {
            return new AccountState(enabled, roles, operatorId, regionId, tokenVersion);
        }

        AccountState withTokenVersion(long version) {
            return new AccountState(enabled, roles, operatorId, regionId, version);
        }
    }
}
