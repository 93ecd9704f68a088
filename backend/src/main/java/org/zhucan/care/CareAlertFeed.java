package org.zhucan.care;

import java.nio.charset.StandardCharsets;

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
import org.zhucan.common.redis.RedisSubscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Care alerts as they are raised, for the careAlerts subscription. Once an alert's transaction commits, its id,
 * diner and the diner's community path go out on a Redis channel; every instance hands them to its own
 * subscribers, each of which keeps those in its scope. When Redis cannot take the message, this instance's
 * subscribers still get it, and the alert is in careAlerts in any case: a Redis failure never loses an alert.
 */
@Component
class CareAlertFeed {

    private static final Logger log = LoggerFactory.getLogger(CareAlertFeed.class);

    /** An alert raised for a diner living in the community with this path. */
    record Raised(long alertId, long dinerId, String communityPath) {
    }

    private final StringRedisTemplate redis;
    private final String channel;
    private final Sinks.Many<Raised> sink = Sinks.many().multicast().directBestEffort();
    private final RecentlyHeard heard = new RecentlyHeard(10_000);

    CareAlertFeed(StringRedisTemplate redis, RedisConnectionFactory connections) {
        this.redis = redis;
        this.channel = RedisChannels.of("care-alerts", connections);
    }

    String channel() {
        return channel;
    }

    Flux<Raised> events() {
        return sink.asFlux();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(Raised raised) {
        try {
            redis.convertAndSend(channel, raised.alertId() + ":" + raised.dinerId() + ":" + raised.communityPath());
        } catch (RuntimeException e) {
            log.warn("Could not publish care alert {} to Redis; only this instance's subscribers get it: {}", raised.alertId(), e.toString());
            // a publish that timed out may still have gone out, and come back
            if (heard.first(raised.alertId())) {
                emit(raised);
            }
        }
    }

    void onMessage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String[] parts = text.split(":", 3);
        try {
            Raised raised = new Raised(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
            if (heard.first(raised.alertId())) {
                emit(raised);
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed care-alert message");
        }
    }

    private synchronized void emit(Raised raised) {
        sink.tryEmitNext(raised);
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        CareAlertListener careAlertListener(RedisConnectionFactory connections, CareAlertFeed feed) {
            return new CareAlertListener(connections, feed.channel(), (message, pattern) -> feed.onMessage(message.getBody()));
        }
    }

    /** This instance's subscription to the care-alerts channel (see {@link RedisSubscription}). */
    static final class CareAlertListener extends RedisSubscription {

        CareAlertListener(RedisConnectionFactory connections, String channel, org.springframework.data.redis.connection.MessageListener listener) {
            super(connections, channel, listener, () -> { }, new Purpose("care alerts",
                    "subscribers see only the alerts raised on this instance until it is back; careAlerts lists them all", false));
        }
    }
}
