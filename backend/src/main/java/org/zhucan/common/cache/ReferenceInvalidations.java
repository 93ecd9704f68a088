package org.zhucan.common.cache;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;
import org.zhucan.common.redis.RedisSubscription;

/**
 * This instance's subscription to the reference-invalidation channel (see {@link RedisSubscription}). Each time a
 * subscription is made, everything the {@link ReferenceCache} holds is dropped, since messages sent while it was away
 * are lost; until then the cache is not read. Starting waits for the first subscription (a few seconds at most), so
 * that an instance starts serving with its cache in use.
 */
@Component
class ReferenceInvalidations extends RedisSubscription {

    ReferenceInvalidations(RedisConnectionFactory connections, ReferenceCache cache) {
        super(connections, cache.channel(), (message, pattern) -> cache.onMessage(message.getBody()), cache::clearAll,
                new Purpose("reference invalidations", "reference data is read from MySQL until it is back", true));
        cache.listenWith(this);
    }
}
