package org.zhucan.serving;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhucan.common.redis.RecentlyHeard;
import org.zhucan.common.redis.RedisChannels;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Meal records as they are added, for counter screens (the mealsServed subscription). Once a
 * record's transaction commits, its site and id go out on a Redis channel; every instance listens
 * and hands them to its own subscribers, so a screen connected to one instance sees records logged
 * on any. When Redis cannot take the message, this instance's subscribers still get it: a Redis
 * failure never fails logging a meal.
 */
@Component
class MealsServedFeed {

    private static final Logger log = LoggerFactory.getLogger(MealsServedFeed.class);

    /** A record added at a site. */
    record Served(long siteId, long recordId) {
    }

    /** The records one transaction added (a counter's one, an upload chunk's hundred): one message once it commits. */
    record Added(List<Served> records) {

        static Added one(long siteId, long recordId) {
            return new Added(List.of(new Served(siteId, recordId)));
        }
    }

    private final StringRedisTemplate redis;
    private final String channel;
    private final Sinks.Many<Served> sink = Sinks.many().multicast().directBestEffort();
    private final RecentlyHeard heard = new RecentlyHeard(10_000);

    MealsServedFeed(StringRedisTemplate redis, RedisConnectionFactory connections) {
        this.redis = redis;
        // Pub/sub ignores the Redis database number; naming the channel after it keeps deployments
        this.channel = RedisChannels.of("meals-served", connections);
    }

    String channel() {
        return channel;
    }

    Flux<Served> events() {
        return sink.asFlux();
    }

    /**
     * One message a transaction, a line "site:record" a record (a single record's message is that one line): an upload
     * of a thousand records sends ten messages, not a thousand round trips to Redis.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(Added added) {
        try {
            redis.convertAndSend(channel, added.records().stream().map(served -> served.siteId() + ":" + served.recordId())
                    .collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            log.warn("Could not publish {} meal record(s) to Redis; only this instance's screens get them: {}", added.records().size(), e.toString());
            // a publish that timed out may still have gone out, and come back
            added.records().stream().filter(served -> heard.first(served.recordId())).forEach(this::emit);
        }
    }

    void onMessage(byte[] body) {
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(':');
            try {
                Served served = new Served(Long.parseLong(line.substring(0, colon)), Long.parseLong(line.substring(colon + 1)));
                if (heard.first(served.recordId())) {
                    emit(served);
                }
            } catch (RuntimeException e) {
                log.warn("Ignoring a malformed meals-served line: {}", line);
            }
        }
    }

    private synchronized void emit(Served served) {
        // emissions must not overlap; a subscriber too slow to keep up misses events rather than stalling the others
        sink.tryEmitNext(served);
    }

    /** How many screens are watching on this instance. */
    int screens() {
        return sink.currentSubscriberCount();
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        /** Subscribes from a thread of its own: a slow or absent Redis never holds up starting or stopping the service. */
        @Bean
        MealsServedListener mealsServedListener(RedisConnectionFactory connections, MealsServedFeed feed) {
            return new MealsServedListener(connections, feed.channel(), (message, pattern) -> feed.onMessage(message.getBody()));
        }
    }
}
