package org.zhucan.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.security.AccountService;
import org.zhucan.security.AuthenticationRequired;
import org.zhucan.security.CurrentUser;

/**
 * An account's own password change: the current password must match, the new one must pass the
 * {@link PasswordPolicy} and differ from it. Every token of the account stops working (this one
 * too), and a pending "change your password" ends; audited without either password.
 */
@Service
public class OwnPasswordService {

    private final AccountsMapper accounts;
    private final AccountService accountService;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;

    OwnPasswordService(AccountsMapper accounts, AccountService accountService, PasswordEncoder passwordEncoder, PasswordPolicy policy) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
    }

    @Transactional
    public ChangePasswordResult changePassword(ChangePasswordInput input) {
        CurrentUser user = CurrentUser.get();
        Long id = accounts.findIdByUsername(user.username());
        String hash = id == null ? null : accounts.findPasswordHash(id);
        if (hash == null || input.oldPassword() == null || !passwordEncoder.matches(input.oldPassword(), hash)) {
            return failed(UserError.of(UserErrorCode.INVALID_CREDENTIALS, "The current password is wrong", "input", "oldPassword"));
        }
        if (input.oldPassword().equals(input.newPassword())) {
            return failed(UserError.of(UserErrorCode.WEAK_PASSWORD, "The new password must differ from the current one", "input", "newPassword"));
        }
        Optional<UserError> weak = policy.check(input.newPassword(), user.username(), "input", "newPassword");
        if (weak.isPresent()) {
            return failed(weak.get());
        }
        accountService.setPassword(id, passwordEncoder.encode(input.newPassword()), false,
                AuthenticationRequired.passwordChangeRequired() ? "PASSWORD_CHANGED_AFTER_RESET" : "PASSWORD_CHANGED");
        return new ChangePasswordResult(true, List.of());
    }

    private static ChangePasswordResult failed(UserError error) {
        return new ChangePasswordResult(false, List.of(error));
    }
}
