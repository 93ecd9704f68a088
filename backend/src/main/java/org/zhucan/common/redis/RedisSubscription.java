package org.zhucan.common.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Keeps this instance subscribed to one Redis channel for as long as it runs, whatever Redis does:
 * absent when the instance starts, dropping later, coming back. Spring's
 * RedisMessageListenerContainer does not do that with Lettuce: a first subscription that fails
 * leaves it marked as started and never tried again, and its recovery sleeps while holding the
 * lock that stopping needs, so closing the application with Redis unreachable hung.
 * <p>
 * Here one daemon thread does every Redis call, and nothing else waits for it: it subscribes, then
 * checks each second that the subscription's connection is still open. When it is not, or a
 * subscription fails, it drops the connection and subscribes afresh after 1 s, doubling up to
 * {@link #LONGEST_RETRY}; an outage is logged once when it starts and once when it ends, with
 * whatever happens in between at DEBUG. Every call it makes is bounded by the connection's connect
 * and command timeouts, so stopping waits at most {@link #STOP_WITHIN}, holding no lock.
 * <p>
 * Each new subscription runs {@code onSubscribed} before it counts as listening: what a subscriber
 * must do about messages it may have missed while away.
 */
public class RedisSubscription implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    static final Duration STOP_WITHIN = Duration.ofSeconds(5);

    /**
     * What the subscription is for, as its logs and thread name say it.
     *
     * @param purpose what is listened for, e.g. "meals served"
     * @param whileAway what an outage means, e.g. "screens see only this instance's records until it is back"
     * @param awaitFirst whether starting waits (at most {@link #STOP_WITHIN}) for the first subscription
     */
    public record Purpose(String purpose, String whileAway, boolean awaitFirst) {
    }

    private final RedisConnectionFactory connections;
    private final String channel;
    private final MessageListener listener;
    private final Runnable onSubscribed;
    private final Purpose purpose;

    private volatile boolean running;
    private volatile ScheduledThreadPoolExecutor worker;
    /** Written by the worker only, once {@code onSubscribed} has run; read by anyone asking whether this instance is listening. */
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> connection;
    // the worker's own state
    private Instant outageSince;
    private Duration nextRetry = FIRST_RETRY;
    private boolean everSubscribed;

    public RedisSubscription(RedisConnectionFactory connections, String channel, MessageListener listener, Runnable onSubscribed,
                             Purpose purpose) {
        this.connections = connections;
        this.channel = channel;
        this.listener = listener;
        this.onSubscribed = onSubscribed;
        this.purpose = purpose;
    }

    /** Whether this instance currently hears every message published on the channel by any instance. */
    public boolean isListening() {
        StatefulRedisPubSubConnection<byte[], byte[]> current = connection;
        return running && current != null && current.isOpen();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, purpose.purpose().replace(' ', '-') + "-listener");
            thread.setDaemon(true);
            return thread;
        });
        // a stop drops the next check instead of waiting for it
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        worker = executor;
        running = true;
        Future<?> first = executor.submit(() -> check(executor));
        if (purpose.awaitFirst()) {
            try {
                first.get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("The first subscription for {} is still under way: {}", purpose.purpose(), e.toString());
            }
        }
    }

    /** Closes the subscription on the worker, after whatever call it is in; gives up waiting after {@link #STOP_WITHIN}. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ScheduledThreadPoolExecutor executor = worker;
        executor.execute(this::closeConnection);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                log.warn("The {} listener did not let go of Redis within {} s; leaving its connection to the connection factory",
                        purpose.purpose(), STOP_WITHIN.toSeconds());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Also when a context fails to start after this did, and so is destroyed without being stopped. */
    @Override
    public void destroy() {
        stop();
    }

    /** One round on the worker given (a restarted listener has a new one; an old round never schedules onto it). */
    private void check(ScheduledThreadPoolExecutor executor) {
        if (!running) {
            return;
        }
        Duration next = CHECK_EVERY;
        try {
            if (connection == null) {
                connection = subscribe();
            }
            if (connection.isOpen()) {
                subscribed();
            } else {
                lost("the subscription's connection dropped");
                closeConnection();
                next = backOff();
            }
        } catch (RuntimeException e) {
            lost(describe(e));
            closeConnection();
            next = backOff();
        }
        if (!running) {
            closeConnection();
            return;
        }
        try {
            executor.schedule(() -> check(executor), next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            closeConnection();
        }
    }

    /**
     * A Lettuce pub/sub connection of this subscription's own, from the factory's client (its Redis, Sentinel or Cluster
     * settings), not through Spring's RedisConnection: closing Spring's only asks Redis to unsubscribe and lets the
     * connection go once Redis answers, and while Lettuce is reconnecting that answer waits for the reconnection, which
     * resubscribes first. After a Sentinel fail-over the given-up connections came back subscribed beside their
     * replacements (the fault test counted 5 subscribers for 3 instances). A connection closed here stays closed.
     */
    private StatefulRedisPubSubConnection<byte[], byte[]> subscribe() {
        StatefulRedisPubSubConnection<byte[], byte[]> fresh = connectPubSub();
        try {
            fresh.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(byte[] heardOn, byte[] body) {
                    listener.onMessage(new DefaultMessage(heardOn, body), null);
                }
            });
            fresh.sync().subscribe(channel.getBytes(StandardCharsets.UTF_8));
            onSubscribed.run();
            return fresh;
        } catch (RuntimeException e) {
            fresh.closeAsync();
            throw e;
        }
    }

    private StatefulRedisPubSubConnection<byte[], byte[]> connectPubSub() {
        if (!(connections instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("Redis subscriptions need Lettuce; the connection factory is " + connections.getClass().getName());
        }
        AbstractRedisClient client = lettuce.getRequiredNativeClient();
        if (client instanceof RedisClusterClient cluster) {
            return cluster.connectPubSub(ByteArrayCodec.INSTANCE);
        }
        if (client instanceof RedisClient redis) {
            return redis.connectPubSub(ByteArrayCodec.INSTANCE);
        }
        throw new IllegalStateException("Unexpected Lettuce client " + client.getClass().getName());
    }

    private void subscribed() {
        nextRetry = FIRST_RETRY;
        if (outageSince != null) {
            log.info("Listening for {} on Redis channel {} again, after {} s without", purpose.purpose(), channel,
                    Duration.between(outageSince, Instant.now()).toSeconds());
            outageSince = null;
        } else if (!everSubscribed) {
            log.info("Listening for {} on Redis channel {}", purpose.purpose(), channel);
        }
        everSubscribed = true;
    }

    private void lost(String cause) {
        if (outageSince == null) {
            outageSince = Instant.now();
            log.warn("Not listening for {} on Redis ({}): {}; retrying after {} s, then up to every {} s", purpose.purpose(), cause,
                    purpose.whileAway(), FIRST_RETRY.toSeconds(), LONGEST_RETRY.toSeconds());
        } else {
            log.debug("Still not listening for {} on Redis: {}", purpose.purpose(), cause);
        }
    }

    /** The exception and, when another lies under it, the root cause: "Unable to connect" alone says little. */
    private static String describe(RuntimeException e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root == e ? e.toString() : e + ", caused by " + root;
    }

    private Duration backOff() {
        Duration wait = nextRetry;
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        return wait;
    }

    private void closeConnection() {
        StatefulRedisPubSubConnection<byte[], byte[]> current = connection;
        connection = null;
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(StatefulRedisPubSubConnection<byte[], byte[]> connection) {
        try {
            // no UNSUBSCRIBE first: it would wait for a reconnection; closing ends the subscription with the connection
            connection.closeAsync();
        } catch (RuntimeException e) {
            log.debug("Closing a Redis subscription failed: {}", e.toString());
        }
    }
}
