package org.zhucan.common.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhucan.common.redis.RedisChannels;

/**
 * Reference data (sites and their slots, regions, subsidy policies) kept in each instance's memory, because the
 * counter's writes read it on every call and it changes a few times a day. Each shelf of it is
 * bounded in size and expires after {@code zhucan.reference-cache.ttl} whatever happens. A write
 * that changes an entry calls {@link Shelf#evict} or {@link Shelf#evictAll}: once its
 * transaction commits, the entry goes from this instance at once and a message on a Redis channel
 * takes it from every other instance.
 * <p>
 * A message can be missed: while this instance is not subscribed (Redis down, reconnecting) the
 * memory is not read at all, and everything in it is dropped when the subscription is back. A read
 * that began before an eviction does not put what it read (possibly the old value) back after it:
 * each shelf counts its evictions and a load only keeps its value when none happened meanwhile.
 */
@Component
public class ReferenceCache {

    private static final Logger log = LoggerFactory.getLogger(ReferenceCache.class);
    private static final String ALL = "*";

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Duration ttl;
    private final String channel;
    private final Map<String, Shelf<?, ?>> shelves = new ConcurrentHashMap<>();
    private volatile ReferenceInvalidations listener;

    ReferenceCache(StringRedisTemplate redis, RedisConnectionFactory connections, MeterRegistry meters,
                   @Value("${zhucan.reference-cache.ttl:PT5M}") Duration ttl) {
        this.redis = redis;
        this.meters = meters;
        this.ttl = ttl;
        this.channel = RedisChannels.of("reference-invalidations", connections);
    }

    String channel() {
        return channel;
    }

    void listenWith(ReferenceInvalidations invalidations) {
        this.listener = invalidations;
    }

    /** Whether entries may be read from memory: only while every eviction elsewhere reaches this instance. */
    public boolean inUse() {
        return trusted();
    }

    private boolean trusted() {
        ReferenceInvalidations current = listener;
        return current != null && current.isListening();
    }

    /** The shelf of a name, made on first use with room for {@code maximumSize} entries. */
    @SuppressWarnings("unchecked")
    public <K, V> Shelf<K, V> shelf(String name, int maximumSize) {
        return (Shelf<K, V>) shelves.computeIfAbsent(name, key -> new Shelf<>(key, maximumSize));
    }

    /** Drops everything this instance holds: the subscription was (re)made, and messages may have been missed. */
    void clearAll() {
        shelves.values().forEach(Shelf::dropAll);
    }

    /** Drops every shelf on every instance once the current transaction commits: data was loaded behind the services' backs. */
    public void evictEverywhere() {
        clearAll();
        afterCommit(() -> {
            clearAll();
            publish(ALL + "|" + ALL);
        });
    }

    /** A message from any instance: "shelf|key", "shelf|*" for the whole shelf, or "*|*" for everything. */
    void onMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.equals(ALL + "|" + ALL)) {
            clearAll();
            return;
        }
        int bar = text.indexOf('|');
        Shelf<?, ?> shelf = bar < 0 ? null : shelves.get(text.substring(0, bar));
        if (shelf == null) {
            return;
        }
        String key = text.substring(bar + 1);
        if (ALL.equals(key)) {
            shelf.dropAll();
        } else {
            shelf.drop(key);
        }
    }

    private void publish(String message) {
        try {
            redis.convertAndSend(channel, message);
        } catch (RuntimeException e) {
            // the other instances do not hear it: they are not listening either, or the TTL ends it
            log.warn("Could not publish reference invalidation {}; other instances keep it at most {}: {}", message, ttl, e.toString());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** One kind of reference data by key. Keys are written as text in messages: use ids or simple composites. */
    public final class Shelf<K, V> {

        private final String name;
        private final Cache<String, V> entries;
        private final AtomicLong evictions = new AtomicLong();

        private Shelf(String name, int maximumSize) {
            this.name = name;
            this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).recordStats().build();
            CaffeineCacheMetrics.monitor(meters, entries, "reference." + name);
        }

        /** The value of the key, from memory or from the loader (whose null is returned, never kept). */
        public V get(K key, Function<K, V> loader) {
            if (!trusted()) {
                return loader.apply(key);
            }
            String text = String.valueOf(key);
            V held = entries.getIfPresent(text);
            if (held != null) {
                return held;
            }
            long before = evictions.get();
            V loaded = loader.apply(key);
            keep(text, loaded, before);
            return loaded;
        }

        /** The values of many keys, those missing read with one call of the loader; keys it finds nothing for are absent. */
        public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> loader) {
            if (!trusted()) {
                return loader.apply(keys);
            }
            Map<K, V> found = new HashMap<>();
            List<K> missing = new java.util.ArrayList<>();
            for (K key : keys) {
                V held = entries.getIfPresent(String.valueOf(key));
                if (held != null) {
                    found.put(key, held);
                } else {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                long before = evictions.get();
                Map<K, V> loaded = loader.apply(missing);
                loaded.forEach((key, value) -> keep(String.valueOf(key), value, before));
                found.putAll(loaded);
            }
            return found;
        }

        private void keep(String key, V value, long evictionsBefore) {
            if (value == null) {
                return;
            }
            entries.put(key, value);
            if (evictions.get() != evictionsBefore) {
                // an eviction came while it was read: what was read may predate the change
                entries.invalidate(key);
            }
        }

        /** After the current transaction commits: the key goes from this instance and, by Redis, from every other. */
        public void evict(K key) {
            String text = String.valueOf(key);
            drop(text);
            afterCommit(() -> {
                drop(text);
                publish(name + "|" + text);
            });
        }

        /** {@link #evict} for every key of the shelf. */
        public void evictAll() {
            dropAll();
            afterCommit(() -> {
                dropAll();
                publish(name + "|" + ALL);
            });
        }

        private void drop(String key) {
            evictions.incrementAndGet();
            entries.invalidate(key);
        }

        private void dropAll() {
            evictions.incrementAndGet();
            entries.invalidateAll();
        }
    }
}
