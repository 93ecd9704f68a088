package org.zhucan.serving;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.zhucan.common.redis.RedisSubscription;

/**
 * This instance's subscription to the meals-served channel (see {@link RedisSubscription}): while it is away, screens
 * on this instance see only the records logged here.
 */
final class MealsServedListener extends RedisSubscription {

    MealsServedListener(RedisConnectionFactory connections, String channel, MessageListener listener) {
        super(connections, channel, listener, () -> { }, new Purpose("meals served",
                "screens see only this instance's records until it is back", false));
    }
}
