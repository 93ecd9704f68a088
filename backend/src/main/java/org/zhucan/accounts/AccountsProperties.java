package org.zhucan.accounts;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code zhucan.accounts}.
 *
 * @param passwordMinLength the shortest password the policy accepts
 * @param refuseDemoPasswords whether a password that contains a demo password is refused too (the
 *     {@code prod} profile); equal to one is refused everywhere, as a known-weak password
 * @param invitationTtl how long a family invitation code works
 * @param bootstrapAdmin the first administrator to create at start-up when there is none
 */
@ConfigurationProperties("zhucan.accounts")
@Validated
record AccountsProperties(@Min(8) @Max(PasswordPolicy.MAX_LENGTH) Integer passwordMinLength, Boolean refuseDemoPasswords, Duration invitationTtl, BootstrapAdmin bootstrapAdmin) {

    static final int DEFAULT_MIN_LENGTH = 10;

    AccountsProperties {
        passwordMinLength = passwordMinLength == null ? DEFAULT_MIN_LENGTH : passwordMinLength;
        refuseDemoPasswords = refuseDemoPasswords != null && refuseDemoPasswords;
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null, null) : bootstrapAdmin;
    }

    /**
     * @param username the administrator's login name; blank: no bootstrap
     * @param password its first password, to be changed at the first login
     * @param displayName the name shown; default 系统管理员
     */
    record BootstrapAdmin(String username, String password, String displayName) {

        boolean requested() {
            return username != null && !username.isBlank();
        }
    }
}
