package org.zhucan.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.zhucan.security.LoginProperties.Limits;

/**
 * Counts login attempts per username and per client address in Redis, so that every instance
 * sees the same counts and lockouts. Keys: {@code zhucan:login:user:<pseudonym>} and
 * {@code zhucan:login:addr:<address>}, hashes of {@code failures} and {@code until} (epoch ms)
 * that expire with the failure window or the lockout, whichever ends later.
 *
 * <p>An attempt is counted as a failure before its password is checked, in one atomic script
 * that first refuses it if the name or the address must still wait: so a burst of parallel
 * guesses cannot all slip through before the first failure is written. A success then takes
 * the count back: the username's counter is cleared, the address's attempt undone.
 *
 * <p>If Redis fails or stalls, attempts are counted in this instance's memory instead
 * ({@link LocalLoginCounters}): logins keep working and keep being throttled (per instance).
 */
@Component
class LoginThrottle {

    static final String KEY_PREFIX = "zhucan:login:";

    // KEYS: username counter, address counter. ARGV: now, base delay, max delay, lockout, failure window (ms),
    // then free and lockout failures for the username and for the address. The delay rule is
    // LoginProperties.delayMillisAfter's. Returns {0, until} when refused, else {1, then failures,
    // until, until before this attempt, for each counter}.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ATTEMPT = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local blocked = 0
            for i = 1, 2 do
              local untilMs = tonumber(redis.call('HGET', KEYS[i], 'until') or '0')
              if untilMs > now and untilMs > blocked then blocked = untilMs end
            end
            if blocked > 0 then return {0, blocked} end
            local base, max, lockout, window = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            local result = {1}
            for i = 1, 2 do
              local free, lock = tonumber(ARGV[4 + 2 * i]), tonumber(ARGV[5 + 2 * i])
              local previous = redis.call('HGET', KEYS[i], 'until') or '0'
              local failures = redis.call('HINCRBY', KEYS[i], 'failures', 1)
              local delay = 0
              if failures >= lock then delay = lockout
              elseif failures > free then delay = math.min(base * 2 ^ (failures - free - 1), max) end
              local untilMs = previous
              if delay > 0 then
                untilMs = string.format('%d', now + delay)
                redis.call('HSET', KEYS[i], 'until', untilMs)
              end
              redis.call('PEXPIRE', KEYS[i], string.format('%d', math.max(window, delay)))
              result[#result + 1] = failures
              result[#result + 1] = tonumber(untilMs)
              result[#result + 1] = tonumber(previous)
            end
            return result
            """, List.class);

    // Takes back one counted attempt of the address after it succeeded. KEYS: the address counter.
    // ARGV: the until this attempt set, the until before it (restored only if nothing moved it since).
    private static final RedisScript<Long> UNDO = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if redis.call('HINCRBY', KEYS[1], 'failures', -1) < 0 then redis.call('HSET', KEYS[1], 'failures', 0) end
            if ARGV[1] ~= ARGV[2] and redis.call('HGET', KEYS[1], 'until') == ARGV[1] then
              redis.call('HSET', KEYS[1], 'until', ARGV[2])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final LoginProperties settings;
    private final Clock clock;
    private final RedisFallback fallback;
    private final LocalLoginCounters local;

    LoginThrottle(StringRedisTemplate redis, LoginProperties settings, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.fallback = new RedisFallback("login-throttle", meters);
        this.local = new LocalLoginCounters(settings);
    }

    static String usernameKey(String pseudonym) {
        return KEY_PREFIX + "user:" + pseudonym.substring(pseudonym.indexOf(':') + 1);
    }

    static String addressKey(String address) {
        return KEY_PREFIX + "addr:" + address;
    }

    /** Counts an attempt of a username (its pseudonym) from an address, or refuses it while either must wait. */
    Attempt begin(String usernamePseudonym, String address) {
        String usernameKey = usernameKey(usernamePseudonym);
        String addressKey = addressKey(address);
        long now = clock.millis();
        return fallback.call(() -> inRedis(usernameKey, addressKey, now), () -> local.attempt(usernameKey, addressKey, now));
    }

    /** The attempt's password was right: the username starts afresh, the address's attempt is taken back. */
    void succeeded(Attempt attempt) {
        if (!attempt.allowed()) {
            return;
        }
        if (attempt.local()) {
            local.succeeded(attempt);
            return;
        }
        Count address = attempt.address();
        fallback.run(() -> {
            redis.delete(attempt.username().key());
            redis.execute(UNDO, List.of(address.key()), Long.toString(address.untilMillis()), Long.toString(address.previousUntilMillis()));
        });
    }

    private Attempt inRedis(String usernameKey, String addressKey, long now) {
        Limits user = settings.username();
        Limits address = settings.address();
        List<?> result = redis.execute(ATTEMPT, List.of(usernameKey, addressKey), Long.toString(now),
                Long.toString(settings.baseDelay().toMillis()), Long.toString(settings.maxDelay().toMillis()),
                Long.toString(settings.lockout().toMillis()), Long.toString(settings.failureWindow().toMillis()),
                Integer.toString(user.freeFailures()), Integer.toString(user.lockoutFailures()),
                Integer.toString(address.freeFailures()), Integer.toString(address.lockoutFailures()));
        if (number(result, 0) == 0) {
            return Attempt.refused(number(result, 1), false);
        }
        return new Attempt(true, null,
                new Count(usernameKey, number(result, 1), number(result, 2), number(result, 3), user),
                new Count(addressKey, number(result, 4), number(result, 5), number(result, 6), address), false);
    }

    private static long number(List<?> result, int index) {
        return ((Number) result.get(index)).longValue();
    }

    /**
     * One attempt: refused until {@code retryAfter}, or allowed and counted.
     *
     * @param local counted in this instance's memory, Redis having failed
     */
    record Attempt(boolean allowed, Instant retryAfter, Count username, Count address, boolean local) {

        static Attempt refused(long untilMillis, boolean local) {
            return new Attempt(false, Instant.ofEpochMilli(untilMillis), null, null, local);
        }
    }

    /**
     * A counter after an allowed attempt was counted.
     *
     * @param untilMillis until when further attempts wait (0, or in the past, when they need not)
     * @param previousUntilMillis the same before this attempt, to put back if it succeeds
     */
    record Count(String key, long failures, long untilMillis, long previousUntilMillis, Limits limits) {

        /** Whether this attempt, if it fails, locks the name or address out. */
        boolean locksOut() {
            return failures >= limits.lockoutFailures();
        }

        Instant until() {
            return Instant.ofEpochMilli(untilMillis);
        }
    }
}
