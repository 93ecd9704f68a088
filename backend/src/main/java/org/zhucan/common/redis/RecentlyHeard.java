package org.zhucan.common.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids an instance heard last on a channel, to hand each event to its subscribers once. Redis can deliver a
 * message twice to one instance: for a while after a fail-over, a subscription given up while Lettuce was reconnecting
 * it can come back beside its replacement. Events with an id of their own (a meal record, a care alert) are dropped
 * the second time; messages that are not events (a cache invalidation) must never go through this.
 */
public final class RecentlyHeard {

    private final Map<Long, Boolean> ids;

    /** @param remembered how many ids are kept: far more than a fail-over's worth of messages */
    public RecentlyHeard(int remembered) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Whether the id is heard for the first time (among the last remembered), remembering it. */
    public synchronized boolean first(long id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
