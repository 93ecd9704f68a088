package org.zhucan.serving;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
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

    private final StringRedisTemplate redis;
    private final String channel;
    private final Sinks.Many<Served> sink = Sinks.many().multicast().directBestEffort();

    MealsServedFeed(StringRedisTemplate redis, RedisConnectionFactory connections) {
        this.redis = redis;
        // Pub/sub ignores the Redis database number; naming the channel after it keeps deployments
        // (and test runs) that share one Redis server but not one database apart.
        int database = connections instanceof LettuceConnectionFactory lettuce ? lettuce.getDatabase() : 0;
        this.channel = "zhucan:meals-served:db" + database;
    }

    String channel() {
        return channel;
    }

    Flux<Served> events() {
        return sink.asFlux();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(Served served) {
        try {
            redis.convertAndSend(channel, served.siteId() + ":" + served.recordId());
        } catch (RuntimeException e) {
            log.warn("Could not publish meal record {} to Redis; only this instance's screens get it: {}", served.recordId(), e.toString());
            emit(served);
        }
    }

    void onMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        try {
            emit(new Served(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1))));
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed meals-served message: {}", text);
        }
    }

    private synchronized void emit(Served served) {
        // emissions must not overlap; a subscriber too slow to keep up misses events rather than stalling the others
        sink.tryEmitNext(served);
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        RedisMessageListenerContainer mealsServedListener(RedisConnectionFactory connections, MealsServedFeed feed) {
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.addMessageListener((message, pattern) -> feed.onMessage(message.getBody()), new ChannelTopic(feed.channel()));
            // started once the application is ready, off the main thread: a slow or absent Redis never stops the service starting
            container.setAutoStartup(false);
            return container;
        }

        @Bean
        org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> mealsServedListenerStarter(
                RedisMessageListenerContainer mealsServedListener) {
            return ready -> {
                Thread starter = new Thread(() -> {
                    while (!mealsServedListener.isRunning() && !Thread.currentThread().isInterrupted()) {
                        try {
                            mealsServedListener.start();
                        } catch (RuntimeException e) {
                            log.warn("Cannot listen for meals served on Redis yet ({}); retrying in 5 s", e.toString());
                            try {
                                Thread.sleep(5_000);
                            } catch (InterruptedException interrupted) {
                                return;
                            }
                        }
                    }
                }, "meals-served-listener-start");
                starter.setDaemon(true);
                starter.start();
            };
        }
    }
}
