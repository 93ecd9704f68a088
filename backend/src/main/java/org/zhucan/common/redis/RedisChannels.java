package org.zhucan.common.redis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Names of the pub/sub channels instances talk over. */
public final class RedisChannels {

    private RedisChannels() {
    }

    /**
     * The channel {@code zhucan:<topic>:db<N>}: pub/sub ignores the database number, so naming the channel after it
     * keeps deployments (and test runs) that share one Redis server apart.
     */
    public static String of(String topic, RedisConnectionFactory connections) {
        int database = connections instanceof LettuceConnectionFactory lettuce ? lettuce.getDatabase() : 0;
        return "zhucan:" + topic + ":db" + database;
    }
}
