package org.zhucan.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;

/**
 * What a password must be: at least {@code zhucan.accounts.password-min-length} characters (default
 * 10, at most 128), not the username, and not on the bundled list of known-weak passwords, which
 * holds the demo password (compared ignoring case). In {@code prod}
 * ({@code refuse-demo-passwords}) a password that merely contains a demo password is refused too.
 */
@Component
class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    /** The passwords of the demo data (db/demo/020_demo_accounts.sql). */
    static final List<String> DEMO_PASSWORDS = List.of("demo1234");

    private final AccountsProperties properties;
    private final Set<String> weak;

    PasswordPolicy(AccountsProperties properties) {
        this.properties = properties;
        this.weak = load();
        DEMO_PASSWORDS.forEach(p -> weak.add(p.toLowerCase(Locale.ROOT)));
    }

    /** Why the password may not be used, on the input field given; empty when it may. */
    Optional<UserError> check(String password, String username, String... field) {
        if (password == null || password.length() < properties.passwordMinLength()) {
            return Optional.of(UserError.of(UserErrorCode.WEAK_PASSWORD,
                    "A password needs at least " + properties.passwordMinLength() + " characters", field));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(UserError.of(UserErrorCode.WEAK_PASSWORD, "A password has at most " + MAX_LENGTH + " characters", field));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(UserError.of(UserErrorCode.WEAK_PASSWORD, "A password may not be the username", field));
        }
        if (weak.contains(lower)) {
            return Optional.of(UserError.of(UserErrorCode.WEAK_PASSWORD, "This password is on the list of known-weak passwords", field));
        }
        if (properties.refuseDemoPasswords() && DEMO_PASSWORDS.stream().anyMatch(demo -> lower.contains(demo.toLowerCase(Locale.ROOT)))) {
            return Optional.of(UserError.of(UserErrorCode.WEAK_PASSWORD, "A password may not contain a demo password", field));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("weak-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("org/zhucan/accounts/weak-passwords.txt is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
