package org.zhucan.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.accounts.AccountsMapper.AccountRow;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.NameKeyset;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.common.sql.Like;
import org.zhucan.network.NetworkAccess;
import org.zhucan.network.OperatorService;
import org.zhucan.network.RegionService;
import org.zhucan.security.AccountService;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Administrators' account management. New accounts and reset passwords get a one-time password,
 * shown once in the payload and stored only as its BCrypt hash; the account must change it at its
 * next login. Roles, scope, disabling and enabling go through security's {@link AccountService},
 * which revokes the account's tokens at once and audits. No change may leave the system without an
 * enabled ADMIN (LAST_ADMIN).
 */
@Service
public class AccountAdminService {

    static final String ENTITY_TYPE = "AppUser";
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final AccountsMapper accounts;
    private final AccountService accountService;
    private final PasswordEncoder passwordEncoder;
    private final OperatorService operatorService;
    private final RegionService regionService;
    private final NetworkAccess networkAccess;
    private final AuditService audit;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    AccountAdminService(AccountsMapper accounts, AccountService accountService, PasswordEncoder passwordEncoder,
                        OperatorService operatorService, RegionService regionService, NetworkAccess networkAccess, AuditService audit,
                        Pseudonyms pseudonyms, Clock clock) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.passwordEncoder = passwordEncoder;
        this.operatorService = operatorService;
        this.regionService = regionService;
        this.networkAccess = networkAccess;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Connection<ManagedAccount> list(AccountFilter filter, PageRequest page) {
        AccountFilter given = filter == null ? AccountFilter.NONE : filter;
        String contains = Like.escape(given.usernameContains());
        NameKeyset after = NameKeyset.after(page);
        String adminPath = networkAccess.adminRegionPath(CurrentUser.get());
        List<ManagedAccount> rows = withRoles(accounts.findPage(given, contains, adminPath, after.name(), after.id(), page.fetchSize()));
        return Connection.of(rows, page, account -> NameKeyset.cursor(account.username(), account.id()),
                accounts.count(given, contains, adminPath));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePasswordResult create(CreateAccountInput input) {
        List<UserError> errors = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(UserError.of(UserErrorCode.INVALID_INPUT, "A username is 3–64 letters, digits, '.', '_', '-' or '@'", "input", "username"));
        }
        displayNameError(input.displayName()).ifPresent(errors::add);
        Set<Role> roles = roles(input.roles());
        if (roles.isEmpty()) {
            errors.add(UserError.of(UserErrorCode.INVALID_INPUT, "An account needs at least one role", "input", "roles"));
        } else {
            AccountScope.check(roles, input.operatorId(), input.regionId()).ifPresent(errors::add);
        }
        if (errors.isEmpty() && accounts.existsByUsername(username)) {
            errors.add(UserError.of(UserErrorCode.DUPLICATE_USERNAME, "Another account already has this username", "input", "username"));
        }
        if (!errors.isEmpty()) {
            return new OneTimePasswordResult(null, null, errors);
        }
        requireScopeExists(input.operatorId(), input.regionId());
        requireMayGrant(input.operatorId(), input.regionId());
        String oneTimePassword = OneTimeCodes.password();
        long id;
        try {
            id = insert(username, passwordEncoder.encode(oneTimePassword), input.displayName().strip(), roles, input.operatorId(),
                    input.regionId(), true);
        } catch (DuplicateKeyException raced) {
            return new OneTimePasswordResult(null, null,
                    List.of(UserError.of(UserErrorCode.DUPLICATE_USERNAME, "Another account already has this username", "input", "username")));
        }
        ManagedAccount created = require(id);
        audit.record("ACCOUNT_CREATED", ENTITY_TYPE, pseudonyms.unlessPersonal(username), null, audited(created));
        return new OneTimePasswordResult(created, oneTimePassword, List.of());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountResult update(UpdateAccountInput input) {
        ManagedAccount before = requireManaged(input.accountId());
        if (input.displayName() != null) {
            Optional<UserError> invalid = displayNameError(input.displayName());
            if (invalid.isPresent()) {
                return new AccountResult(null, List.of(invalid.get()));
            }
        }
        Set<Role> roles = input.roles() == null ? roles(before.roles()) : roles(input.roles());
        if (roles.isEmpty()) {
            return new AccountResult(null, List.of(UserError.of(UserErrorCode.INVALID_INPUT, "An account needs at least one role", "input", "roles")));
        }
        Long operatorId = input.roles() != null || input.operatorId() != null ? input.operatorId() : before.operatorId();
        Long regionId = input.roles() != null || input.regionId() != null ? input.regionId() : before.regionId();
        Optional<UserError> scope = AccountScope.check(roles, operatorId, regionId);
        if (scope.isPresent()) {
            return new AccountResult(null, List.of(scope.get()));
        }
        if (before.enabled() && before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && accounts.countEnabledAdmins(before.id()) == 0) {
            return new AccountResult(null, List.of(lastAdmin("roles")));
        }
        requireScopeExists(operatorId, regionId);
        requireMayGrant(operatorId, regionId);
        if (input.displayName() != null && !input.displayName().strip().equals(before.displayName())) {
            accounts.updateDisplayName(before.id(), input.displayName().strip());
            audit.record("ACCOUNT_RENAMED", ENTITY_TYPE, pseudonyms.unlessPersonal(before.username()),
                    Map.of("displayName", before.displayName()), Map.of("displayName", input.displayName().strip()));
        }
        accountService.changeRoles(before.id(), roles);
        accountService.changeScope(before.id(), operatorId, regionId);
        return new AccountResult(require(before.id()), List.of());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountResult disable(long accountId) {
        ManagedAccount account = requireManaged(accountId);
        if (account.enabled() && account.roles().contains(Role.ADMIN) && accounts.countEnabledAdmins(accountId) == 0) {
            return new AccountResult(null, List.of(lastAdmin("accountId")));
        }
        accountService.disable(accountId);
        return new AccountResult(require(accountId), List.of());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountResult enable(long accountId) {
        requireManaged(accountId);
        accountService.enable(accountId);
        return new AccountResult(require(accountId), List.of());
    }

    /** A new one-time password for the account, shown once; its tokens stop working and it must change the password at next login. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public OneTimePasswordResult resetPassword(long accountId) {
        requireManaged(accountId);
        String oneTimePassword = OneTimeCodes.password();
        accountService.setPassword(accountId, passwordEncoder.encode(oneTimePassword), true, "PASSWORD_RESET");
        return new OneTimePasswordResult(require(accountId), oneTimePassword, List.of());
    }

    /** Inserts an account with its roles; returns its id. Callers check the name, roles and scope first. */
    long insert(String username, String passwordHash, String displayName, Set<Role> roles, Long operatorId, Long regionId,
                boolean changeRequired) {
        GeneratedKey key = new GeneratedKey();
        accounts.insert(key, username, passwordHash, displayName, operatorId, regionId, changeRequired, clock.instant());
        accounts.insertRoles(key.value(), roles);
        return key.value();
    }

    ManagedAccount require(Long id) {
        AccountRow row = id == null ? null : accounts.findById(id);
        if (row == null) {
            throw new NotFoundException("Account", id);
        }
        return withRoles(List.of(row)).get(0);
    }

    /**
     * An account the caller administers: any for a national ADMIN; for a region's ADMIN one scoped
     * inside its subtree, or the staff of an operator working there. Others are not found, as
     * diners outside a region are.
     */
    private ManagedAccount requireManaged(long accountId) {
        ManagedAccount account = require(accountId);
        if (!manages(account.operatorId(), account.regionId())) {
            throw new NotFoundException("Account", accountId);
        }
        return account;
    }

    /** A region's ADMIN gives only scopes inside its region: never a national account, nor one of another region. */
    private void requireMayGrant(Long operatorId, Long regionId) {
        if (!manages(operatorId, regionId)) {
            throw new AccessDeniedException("a region's administrator gives accounts a scope inside its own region only");
        }
    }

    private boolean manages(Long operatorId, Long regionId) {
        CurrentUser user = CurrentUser.get();
        if (networkAccess.isNationalAdmin(user)) {
            return true;
        }
        return regionId != null && networkAccess.administers(user, regionId)
                || regionId == null && operatorId != null && networkAccess.isStaffOf(user, operatorId);
    }

    static Optional<UserError> displayNameError(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 64) {
            return Optional.of(UserError.of(UserErrorCode.INVALID_INPUT, "A display name is 1–64 characters", "input", "displayName"));
        }
        return Optional.empty();
    }

    private void requireScopeExists(Long operatorId, Long regionId) {
        if (operatorId != null && operatorService.find(operatorId) == null) {
            throw new NotFoundException("Operator", operatorId);
        }
        if (regionId != null && regionService.find(regionId) == null) {
            throw new NotFoundException("Region", regionId);
        }
    }

    private List<ManagedAccount> withRoles(List<AccountRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Role>> roles = new LinkedHashMap<>();
        accounts.findRolesOf(rows.stream().map(AccountRow::id).toList())
                .forEach(role -> roles.computeIfAbsent(role.userId(), id -> new ArrayList<>()).add(role.role()));
        return rows.stream().map(row -> ManagedAccount.of(row, roles.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Set<Role> roles(List<Role> given) {
        return given == null || given.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(given);
    }

    private static UserError lastAdmin(String field) {
        return UserError.of(UserErrorCode.LAST_ADMIN, "This is the last enabled ADMIN account: enable or create another first", "input", field);
    }

    private static Map<String, Object> audited(ManagedAccount account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("displayName", account.displayName());
        state.put("roles", account.roles());
        state.put("operatorId", account.operatorId());
        state.put("regionId", account.regionId());
        state.put("passwordChangeRequired", account.passwordChangeRequired());
        return state;
    }
}
