package org.zhucan.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code login} resists password guessing ({@code zhucan.security.login.*}). Failures are
 * counted per username and per client address. After {@code free-failures} of them, the next
 * attempt must wait {@code base-delay}, doubled with every further failure up to
 * {@code max-delay}; at {@code lockout-failures} the name or address is locked for
 * {@code lockout}, and again with every failure after that. A counter is forgotten
 * {@code failure-window} after its last failure (or when its lockout ends, if that is later).
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For}
 *     names the client; from any other peer the header is ignored (default: none)
 */
@ConfigurationProperties("zhucan.security.login")
@Validated
public record LoginProperties(
        @DefaultValue @NotNull List<String> trustedProxies,
        @DefaultValue("1s") @NotNull @DurationMin Duration baseDelay,
        @DefaultValue("5m") @NotNull Duration maxDelay,
        @DefaultValue("15m") @NotNull @DurationMin Duration lockout,
        @DefaultValue("1h") @NotNull @DurationMin(inclusive = false) Duration failureWindow,
        @DefaultValue @NotNull @Valid UsernameLimits username,
        @DefaultValue @NotNull @Valid AddressLimits address) {

    public LoginProperties {
        // one setting against another, which a constraint on either alone cannot say
        if (baseDelay != null && maxDelay != null && maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("zhucan.security.login: max-delay must not be shorter than base-delay");
        }
    }

    /**
     * How long attempts wait after the {@code failures}-th failure counted against limits: nothing
     * up to the free failures, then the base delay doubled with each failure (at most the maximum),
     * and from the lockout failure on the lockout. LoginThrottle's Redis script computes the same.
     */
    long delayMillisAfter(long failures, Limits limits) {
        if (failures >= limits.lockoutFailures()) {
            return lockout.toMillis();
        }
        if (failures <= limits.freeFailures()) {
            return 0;
        }
        long doublings = failures - limits.freeFailures() - 1;
        long max = maxDelay.toMillis();
        return doublings >= 62 || baseDelay.toMillis() > (max >> doublings) ? max : baseDelay.toMillis() << doublings;
    }

    /** How long a counter is kept after a failure that made attempts wait {@code delayMillis}. */
    long keepMillis(long delayMillis) {
        return Math.max(failureWindow.toMillis(), delayMillis);
    }

    /** Thresholds of one kind of counter. */
    sealed interface Limits permits UsernameLimits, AddressLimits {

        /** Failures allowed before delays start. */
        int freeFailures();

        /** The failure that locks the name or address out. */
        int lockoutFailures();

        static void check(String prefix, int freeFailures, int lockoutFailures) {
            if (lockoutFailures <= freeFailures) {
                throw new IllegalArgumentException(prefix + ": lockout-failures must be more than free-failures");
            }
        }
    }

    /** Per username (the account's name, or the name as typed when there is no such account). */
    public record UsernameLimits(@DefaultValue("3") @PositiveOrZero int freeFailures, @DefaultValue("10") int lockoutFailures) implements Limits {
        public UsernameLimits {
            Limits.check("zhucan.security.login.username", freeFailures, lockoutFailures);
        }
    }

    /** Per client address: higher than per name, since many people can share one address (an office, a NAT). */
    public record AddressLimits(@DefaultValue("20") @PositiveOrZero int freeFailures, @DefaultValue("100") int lockoutFailures) implements Limits {
        public AddressLimits {
            Limits.check("zhucan.security.login.address", freeFailures, lockoutFailures);
        }
    }
}
