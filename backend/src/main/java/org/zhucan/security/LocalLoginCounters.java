package org.zhucan.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.zhucan.security.LoginProperties.Limits;
import org.zhucan.security.LoginThrottle.Attempt;
import org.zhucan.security.LoginThrottle.Count;

/**
 * The login counters of this instance alone, used while Redis fails: the same rules as
 * LoginThrottle's Redis script, kept in memory. Bounded in size and expiring like the Redis keys,
 * so an attack with many names or addresses cannot grow it without bound.
 */
final class LocalLoginCounters {

    /** Most counters kept; beyond it the least used are dropped (an attacker's, mostly). */
    private static final int MAX_COUNTERS = 100_000;

    private final LoginProperties settings;
    private final Cache<String, Counter> counters = Caffeine.newBuilder()
            .maximumSize(MAX_COUNTERS)
            .expireAfter(Expiry.writing((String key, Counter counter) -> Duration.ofMillis(counter.keepMillis())))
            .build();

    LocalLoginCounters(LoginProperties settings) {
        this.settings = settings;
    }

    // One lock for the pair of counters: only used while Redis is down, and the password check runs outside it.
    synchronized Attempt attempt(String usernameKey, String addressKey, long now) {
        Counter user = current(usernameKey);
        Counter address = current(addressKey);
        long blocked = Math.max(user.untilMillis() > now ? user.untilMillis() : 0, address.untilMillis() > now ? address.untilMillis() : 0);
        if (blocked > 0) {
            return Attempt.refused(blocked, true);
        }
        return new Attempt(true, null, count(usernameKey, user, settings.username(), now),
                count(addressKey, address, settings.address(), now), true);
    }

    synchronized void succeeded(Attempt attempt) {
        counters.invalidate(attempt.username().key());
        Count address = attempt.address();
        Counter now = counters.getIfPresent(address.key());
        if (now != null) {
            long until = now.untilMillis() == address.untilMillis() ? address.previousUntilMillis() : now.untilMillis();
            counters.put(address.key(), new Counter(Math.max(0, now.failures() - 1), until, now.keepMillis()));
        }
    }

    private Counter current(String key) {
        Counter counter = counters.getIfPresent(key);
        return counter == null ? new Counter(0, 0, 0) : counter;
    }

    private Count count(String key, Counter before, Limits limits, long now) {
        long failures = before.failures() + 1;
        long delay = settings.delayMillisAfter(failures, limits);
        long until = delay > 0 ? now + delay : before.untilMillis();
        counters.put(key, new Counter(failures, until, settings.keepMillis(delay)));
        return new Count(key, failures, until, before.untilMillis(), limits);
    }

    private record Counter(long failures, long untilMillis, long keepMillis) {
    }
}
