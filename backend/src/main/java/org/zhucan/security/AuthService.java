package org.zhucan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.pii.Pseudonyms;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.security.UserAccountMapper.UserAccountRow;

/**
 * Checks passwords and issues tokens. Every attempt is first counted by {@link LoginThrottle}
 * (per username and per client address); one that must still wait is refused without checking
 * the password. Every checked attempt is audited, and so is every lockout. A name typed at a
 * failed login is written to the audit log as its pseudonym ({@link Pseudonyms}), since it may
 * be anything (an ID or phone number, a password typed in the wrong field); an account's own
 * name is written in clear unless it looks like an ID or phone number.
 *
 * <p>Not one transaction: the password check takes a tenth of a second of CPU, and a database
 * connection held through it would let a burst of guesses drain the pool. Each audit row is its
 * own transaction.
 */
@Service
public class AuthService {

    static final String ENTITY_TYPE = "AppUser";
    /** The audit log's entity type of a client address that was locked out. */
    static final String ADDRESS_ENTITY_TYPE = "LoginAddress";

    private final UserAccountMapper accounts;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final AuditService audit;
    private final LoginThrottle throttle;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Counter refused;
    private final Counter usernameLockouts;
    private final Counter addressLockouts;
    // Checked against when the username is unknown, so that a wrong name costs as long as a wrong password.
    private final String unknownUserHash;

    AuthService(UserAccountMapper accounts, PasswordEncoder passwordEncoder, TokenService tokens, AuditService audit,
                LoginThrottle throttle, Pseudonyms pseudonyms, Clock clock, MeterRegistry meters) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.refused = Counter.builder("zhucan.security.login.refused")
                .description("Login attempts refused unchecked because the username or address must wait (TOO_MANY_ATTEMPTS)")
                .register(meters);
        this.usernameLockouts = lockouts(meters, "username");
        this.addressLockouts = lockouts(meters, "address");
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @param clientAddress the caller's address as {@link ClientAddresses} resolved it
     */
    public LoginResult login(String username, String password, String clientAddress) {
        UserAccountRow row = accounts.findByUsername(username);
        // MySQL compares names without case or accents: every spelling that finds the account shares its counter
        String counted = pseudonyms.of(row != null ? row.username() : username);
        String audited = row != null ? pseudonyms.unlessPersonal(row.username()) : pseudonyms.of(username);
        LoginThrottle.Attempt attempt = throttle.begin(counted, clientAddress);
        if (!attempt.allowed()) {
            refused.increment();
            return LoginResult.throttled(UserError.of(UserErrorCode.TOO_MANY_ATTEMPTS, tooManyAttempts(attempt.retryAfter())),
                    attempt.retryAfter());
        }
        boolean passwordMatches = passwordEncoder.matches(password, row == null ? unknownUserHash : row.passwordHash());
        if (row == null || !passwordMatches || !row.enabled()) {
            audit.record(audited, "LOGIN_FAILED", ENTITY_TYPE, audited, null,
                    Map.of("reason", row == null ? "unknown username" : !row.enabled() ? "account disabled" : "wrong password",
                            "address", clientAddress));
            auditLockouts(attempt, audited, clientAddress);
            return LoginResult.failed(UserError.of(UserErrorCode.INVALID_CREDENTIALS,
                    "Wrong username or password, or the account is disabled", "input", "password"));
        }
        throttle.succeeded(attempt);
        List<Role> roles = accounts.findRoles(row.id());
        UserAccount account = new UserAccount(row.id(), row.username(), row.displayName(), row.operatorId(), row.regionId(),
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), accounts.findDinerIdsOf(row.username()),
                row.tokenVersion(), row.passwordChangeRequired());
        TokenService.IssuedToken token = tokens.issue(account);
        audit.record(audited, "LOGIN_SUCCEEDED", ENTITY_TYPE, audited, null, Map.of("roles", roles, "address", clientAddress));
        return LoginResult.succeeded(token.token(), token.expiresAt());
    }

    /** A failed attempt that reached a lockout threshold locked the name or the address out: say so in the log. */
    private void auditLockouts(LoginThrottle.Attempt attempt, String audited, String clientAddress) {
        if (attempt.username().locksOut()) {
            usernameLockouts.increment();
            audit.record(audited, "LOGIN_LOCKED_OUT", ENTITY_TYPE, audited, null, Map.of("lockedOut", "USERNAME",
                    "address", clientAddress, "failures", attempt.username().failures(), "until", attempt.username().until()));
        }
        if (attempt.address().locksOut()) {
            addressLockouts.increment();
            audit.record(audited, "LOGIN_LOCKED_OUT", ADDRESS_ENTITY_TYPE, clientAddress, null, Map.of("lockedOut", "ADDRESS",
                    "address", clientAddress, "failures", attempt.address().failures(), "until", attempt.address().until()));
        }
    }

    private static Counter lockouts(MeterRegistry meters, String scope) {
        return Counter.builder("zhucan.security.login.lockouts").description("Usernames and client addresses locked out after failed logins")
                .tag("scope", scope).register(meters);
    }

    private String tooManyAttempts(Instant retryAfter) {
        long seconds = Math.max(1, Duration.between(clock.instant(), retryAfter).plusMillis(999).toSeconds());
        return "Too many failed logins for this username or from this address; try again in " + seconds + " s (at "
                + retryAfter.atZone(BusinessTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                + " Shanghai time)";
    }
}
