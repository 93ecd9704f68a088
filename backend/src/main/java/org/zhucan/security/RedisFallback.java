package org.zhucan.security;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis call of security with a way out. When Redis fails or stalls (a command times out after
 * {@code spring.data.redis.timeout}), the caller's fallback answers instead, the failure is logged
 * and counted ({@code zhucan.security.redis.fallbacks}, tagged by use), and for a few seconds
 * after a failure calls go straight to the fallback: a stalled Redis costs one timeout every few
 * seconds, not one on every request.
 */
final class RedisFallback {

    private static final Logger log = LoggerFactory.getLogger(RedisFallback.class);
    /** How long calls skip Redis after it failed. */
    static final Duration PAUSE = Duration.ofSeconds(5);

    private final String use;
    private final Counter fallbacks;
    private volatile long pausedUntilNanos = System.nanoTime();

    RedisFallback(String use, MeterRegistry meters) {
        this.use = use;
        this.fallbacks = Counter.builder("zhucan.security.redis.fallbacks")
                .description("Security checks answered without Redis because it failed or stalled")
                .tag("use", use).register(meters);
    }

    <T> T call(Supplier<T> redis, Supplier<T> fallback) {
        if (System.nanoTime() - pausedUntilNanos < 0) {
            fallbacks.increment();
            return fallback.get();
        }
        T answer;
        try {
            answer = redis.get();
        } catch (RuntimeException e) {
            pausedUntilNanos = System.nanoTime() + PAUSE.toNanos();
            fallbacks.increment();
            log.warn("Redis failed for {}; answering from this instance (and MySQL) for {} s: {}", use, PAUSE.toSeconds(), e.toString());
            return fallback.get();
        }
        return answer;
    }

    /** Runs a Redis write; false when it could not (failed, or Redis is paused after a failure). */
    boolean run(Runnable redis) {
        return call(() -> {
            redis.run();
            return true;
        }, () -> false);
    }
}
