package org.zhucan.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The token version of each account, read on every authenticated request: one Redis GET of
 * {@code zhucan:token-version:<userId>}; on a miss, and while Redis fails, a primary-key read of
 * {@code app_user}. AccountService writes the new version after its change commits.
 *
 * <p>Every change adds one to the version, so the cache only ever moves forward: a write that
 * would put back an older version (a reader that loaded the row just before a change committed)
 * is ignored. A write that fails (Redis down) is retried in the background until it lands or the
 * entry it would replace has expired.
 */
@Component
class TokenVersions implements DisposableBean {

    static final String KEY_PREFIX = "zhucan:token-version:";

    private static final Logger log = LoggerFactory.getLogger(TokenVersions.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    // KEYS: the account's entry. ARGV: version, cached value, time to live (ms). Writes unless the entry holds this version or a later one.
    private static final RedisScript<Long> STORE_IF_NEWER = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then
              local version = tonumber(string.match(current, '^(%d+):'))
              if version and version >= tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final UserAccountMapper accounts;
    private final Duration timeToLive;
    private final RedisFallback fallback;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "token-version-retry");
        thread.setDaemon(true);
        return thread;
    });

    TokenVersions(StringRedisTemplate redis, UserAccountMapper accounts, SecurityProperties settings, MeterRegistry meters) {
        this.redis = redis;
        this.accounts = accounts;
        this.timeToLive = settings.tokenVersionCacheTtl();
        this.fallback = new RedisFallback("token-version", meters);
    }

    /** The account's current version; null when there is no such account. */
    TokenVersion current(long userId) {
        String key = KEY_PREFIX + userId;
        Cached cached = fallback.call(() -> new Cached(true, redis.opsForValue().get(key)), () -> new Cached(false, null));
        TokenVersion version = cached.value() == null ? null : TokenVersion.fromCache(cached.value());
        if (version != null) {
            return version;
        }
        TokenVersion stored = accounts.findTokenVersion(userId);
        if (stored != null && cached.redisAnswered()) {
            fallback.run(() -> storeIfNewer(key, stored));
        }
        return stored;
    }

    /** Publishes a committed change; every instance's next request of that account sees it. */
    void changed(long userId, TokenVersion version) {
        String key = KEY_PREFIX + userId;
        if (!fallback.run(() -> storeIfNewer(key, version))) {
            retry(key, version, System.nanoTime() + timeToLive.toNanos());
        }
    }

    private void retry(String key, TokenVersion version, long giveUpAtNanos) {
        retries.schedule(() -> {
            try {
                storeIfNewer(key, version);
                log.info("Token version {} of {} reached Redis after a failure", version.version(), key);
            } catch (RuntimeException e) {
                if (System.nanoTime() - giveUpAtNanos < 0) {
                    retry(key, version, giveUpAtNanos);
                }
            }
        }, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void storeIfNewer(String key, TokenVersion version) {
        redis.execute(STORE_IF_NEWER, List.of(key), Long.toString(version.version()), version.cached(),
                Long.toString(timeToLive.toMillis()));
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }

    private record Cached(boolean redisAnswered, String value) {
    }
}
