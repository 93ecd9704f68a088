package org.zhucan.publicinfo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.zhucan.common.error.RateLimitedException;

/**
 * Counts anonymous reads of public information per client address in Redis, so that every
 * instance shares the count: key {@code zhucan:public:addr:<address>}, a counter that expires one
 * window after the address's first read in it. Past {@code zhucan.public.rate-limit} reads, the
 * field is refused with TOO_MANY_REQUESTS until the window ends. If Redis fails, reads are counted
 * in this instance's memory instead (logged and counted in {@code zhucan.public.redis.fallbacks}):
 * public pages keep working and keep being limited, per instance.
 */
@Component
class PublicRateLimit {

    static final String KEY_PREFIX = "zhucan:public:addr:";
    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);
    /** How long reads skip Redis after it failed, so that a stalled Redis costs one timeout now and then. */
    private static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Most addresses counted in memory while Redis is down; beyond it the least used are dropped. */
    private static final int MAX_LOCAL_ADDRESSES = 100_000;

    // KEYS: the address counter. ARGV: the window (ms). Returns {count, ms left in the window}.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
            return {count, left}
            """, List.class);

    private final StringRedisTemplate redis;
    private final PublicInfoProperties settings;
    private final Counter fallbacks;
    private final Cache<String, AtomicLong> local;
    private volatile long pausedUntilNanos = System.nanoTime();

    PublicRateLimit(StringRedisTemplate redis, PublicInfoProperties settings, MeterRegistry meters) {
        this.redis = redis;
        this.settings = settings;
        this.fallbacks = Counter.builder("zhucan.public.redis.fallbacks")
                .description("Public-information rate counts kept in memory because Redis failed or stalled").register(meters);
        this.local = Caffeine.newBuilder().maximumSize(MAX_LOCAL_ADDRESSES).expireAfterWrite(settings.rateWindow()).build();
    }

    static String keyOf(String address) {
        return KEY_PREFIX + address;
    }

    /** Counts one read from the address, or refuses it when the address is over its limit for the window. */
    void check(String address) {
        long limit = settings.rateLimit();
        long count;
        long leftMillis;
        List<?> counted = System.nanoTime() - pausedUntilNanos < 0 ? null : inRedis(address);
        if (counted == null) {
            fallbacks.increment();
            count = local.get(address, key -> new AtomicLong()).incrementAndGet();
            leftMillis = settings.rateWindow().toMillis();
        } else {
            count = ((Number) counted.get(0)).longValue();
            leftMillis = ((Number) counted.get(1)).longValue();
        }
        if (count > limit) {
            throw new RateLimitedException("Too many requests for public information from your address: at most " + limit + " per "
                    + settings.rateWindow().toSeconds() + " s", Duration.ofMillis(leftMillis));
        }
    }

    private List<?> inRedis(String address) {
        try {
            return redis.execute(COUNT, List.of(keyOf(address)), Long.toString(settings.rateWindow().toMillis()));
        } catch (RuntimeException e) {
            pausedUntilNanos = System.nanoTime() + PAUSE_NANOS;
            log.warn("Redis failed for the public-information rate limit; counting in this instance for 5 s: {}", e.toString());
            return null;
        }
    }
}
