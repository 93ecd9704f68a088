package org.zhucan.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.security.UserAccountMapper.UserAccountRow;

/** Checks passwords and issues tokens; every attempt is audited. */
@Service
public class AuthService {

    static final String ENTITY_TYPE = "AppUser";


    private final UserAccountMapper accounts;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final AuditService audit;
    // Checked against when the username is unknown, so that a wrong name costs as long as a wrong password.
    private final String unknownUserHash;

    AuthService(UserAccountMapper accounts, PasswordEncoder passwordEncoder, TokenService tokens, AuditService audit) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.audit = audit;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public LoginResult login(String username, String password) {
        UserAccountRow row = accounts.findByUsername(username);
        boolean passwordMatches = passwordEncoder.matches(password, row == null ? unknownUserHash : row.passwordHash());
        if (row == null || !passwordMatches || !row.enabled()) {
            audit.record(username, "LOGIN_FAILED", ENTITY_TYPE, username, null,
                    Map.of("reason", row == null ? "unknown username" : !row.enabled() ? "account disabled" : "wrong password"));
            return LoginResult.failed(UserError.of(UserErrorCode.INVALID_CREDENTIALS,
                    "Wrong username or password, or the account is disabled", "input", "password"));
        }
        List<Role> roles = accounts.findRoles(row.id());
        UserAccount account = new UserAccount(row.id(), row.username(), row.displayName(), row.operatorId(), row.regionId(),
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), accounts.findDinerIdsOf(row.username()));
        TokenService.IssuedToken token = tokens.issue(account);
        audit.record(username, "LOGIN_SUCCEEDED", ENTITY_TYPE, username, null, Map.of("roles", roles));
        return new LoginResult(token.token(), token.expiresAt(), List.of());
    }
}
