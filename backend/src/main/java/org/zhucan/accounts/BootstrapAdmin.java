package org.zhucan.accounts;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.security.Role;
import org.zhucan.security.SystemActor;

/**
 * Gives a new database its first administrator without SQL: at start-up, when
 * {@code ZHUCAN_BOOTSTRAP_ADMIN_USERNAME} and {@code ZHUCAN_BOOTSTRAP_ADMIN_PASSWORD} are set and no
 * enabled ADMIN account exists, creates one (no region: it sees everything), audited as
 * {@code ACCOUNT_BOOTSTRAPPED} by {@code system:bootstrap}. The password must pass the policy, and
 * the account must change it at its first login (it sat in the environment). Once an enabled ADMIN
 * exists the setting is refused: logged, nothing changed; remove it. Neither name nor password is
 * logged. Several instances starting at once create one account: the username is unique.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    static final String ACTOR = "system:bootstrap";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    enum Outcome { NOT_REQUESTED, CREATED, REFUSED_ADMIN_EXISTS, REFUSED_USERNAME_TAKEN, REFUSED_INVALID }

    private final AccountsProperties properties;
    private final AccountsMapper accounts;
    private final AccountAdminService admin;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final TransactionTemplate transaction;

    BootstrapAdmin(AccountsProperties properties, AccountsMapper accounts, AccountAdminService admin, PasswordPolicy policy,
                   PasswordEncoder passwordEncoder, AuditService audit, TransactionTemplate transaction) {
        this.properties = properties;
        this.accounts = accounts;
        this.admin = admin;
        this.policy = policy;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountsProperties.BootstrapAdmin wanted = properties.bootstrapAdmin();
        if (wanted.requested()) {
            bootstrap(wanted.username(), wanted.password(), wanted.displayName());
        }
    }

    /** Creates the first administrator unless an enabled one exists; says what it did (also in the log). */
    Outcome bootstrap(String username, String password, String displayName) {
        String name = username == null ? "" : username.strip();
        if (!AccountAdminService.USERNAME.matcher(name).matches()) {
            log.error("Bootstrap administrator refused: ZHUCAN_BOOTSTRAP_ADMIN_USERNAME must be 3-64 letters, digits, '.', '_', '-' or '@'");
            return Outcome.REFUSED_INVALID;
        }
        Optional<UserError> weak = policy.check(password, name, "password");
        if (weak.isPresent()) {
            log.error("Bootstrap administrator refused: ZHUCAN_BOOTSTRAP_ADMIN_PASSWORD fails the password policy ({})", weak.get().message());
            return Outcome.REFUSED_INVALID;
        }
        String shown = displayName == null || displayName.isBlank() ? "系统管理员" : displayName.strip();
        try {
            Outcome outcome = SystemActor.runAs(ACTOR, () -> transaction.execute(status -> {
                if (accounts.countEnabledAdmins(null) > 0) {
                    return Outcome.REFUSED_ADMIN_EXISTS;
                }
                if (accounts.existsByUsername(name)) {
                    return Outcome.REFUSED_USERNAME_TAKEN;
                }
                admin.insert(name, passwordEncoder.encode(password), shown, EnumSet.of(Role.ADMIN), null, null, true);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("displayName", shown);
                after.put("roles", java.util.List.of(Role.ADMIN));
                after.put("passwordChangeRequired", true);
                audit.record(ACTOR, "ACCOUNT_BOOTSTRAPPED", AccountAdminService.ENTITY_TYPE, name, null, after);
                return Outcome.CREATED;
            }));
            switch (outcome) {
                case CREATED -> log.info("Bootstrap administrator created; it must change its password at first login. Remove the "
                        + "ZHUCAN_BOOTSTRAP_ADMIN_* settings now");
                case REFUSED_ADMIN_EXISTS -> log.warn("Bootstrap administrator refused: an enabled ADMIN account exists; nothing changed. "
                        + "Remove the ZHUCAN_BOOTSTRAP_ADMIN_* settings");
                case REFUSED_USERNAME_TAKEN -> log.warn("Bootstrap administrator refused: another account has that username; nothing changed");
                default -> {
                }
            }
            return outcome;
        } catch (DuplicateKeyException raced) {
            log.info("Bootstrap administrator: another instance created it at the same moment; nothing changed here");
            return Outcome.REFUSED_USERNAME_TAKEN;
        }
    }
}
