package org.zhucan.common.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cache over Redis, where a Redis failure never fails a request: the error is logged and
 * counted ({@code zhucan.cache.errors}), and the cached method simply runs against MySQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class CacheConfig implements CachingConfigurer {

    private final MeterRegistry meters;

    public CacheConfig(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public CacheErrorHandler errorHandler() {
        return new FallThroughCacheErrorHandler(meters);
    }

    /** Logs and counts a cache failure, then lets the caller carry on without the cache. */
    static final class FallThroughCacheErrorHandler implements CacheErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(FallThroughCacheErrorHandler.class);
        private final MeterRegistry meters;

        FallThroughCacheErrorHandler(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
            failed("get", cache, exception);
        }

        @Override
        public void handleCachePutError(RuntimeException exception, Cache cache, Object key, Object value) {
            failed("put", cache, exception);
        }

        @Override
        public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
            failed("evict", cache, exception);
        }

        @Override
        public void handleCacheClearError(RuntimeException exception, Cache cache) {
            failed("clear", cache, exception);
        }

        private void failed(String operation, Cache cache, RuntimeException exception) {
            log.warn("Cache {} failed on {}; answering from MySQL: {}", operation, cache.getName(), exception.toString());
            Counter.builder("zhucan.cache.errors").description("Cache operations that failed and fell through to MySQL")
                    .tag("cache", cache.getName()).tag("operation", operation).register(meters).increment();
        }
    }
}
