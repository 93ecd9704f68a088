package org.zhucan.common.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance subscribed to the reference-invalidation channel, as the meals-served
 * listener does for its own (one daemon thread makes every Redis call; it checks each second that
 * the subscription's connection is open and subscribes afresh when not, backing off up to 10 s).
 * Each time a subscription is made, everything the {@link ReferenceCache} holds is dropped, since
 * messages sent while it was away are lost; until then the cache is not read.
 */
@Component
class ReferenceInvalidations implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReferenceInvalidations.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);

    private final RedisConnectionFactory connections;
    private final ReferenceCache cache;

    private volatile boolean running;
    private volatile ScheduledThreadPoolExecutor worker;
    private volatile RedisConnection connection;
    private volatile boolean subscribedAndCleared;
    private Duration nextRetry = FIRST_RETRY;
    private boolean outage;

    ReferenceInvalidations(RedisConnectionFactory connections, ReferenceCache cache) {
        this.connections = connections;
        this.cache = cache;
        cache.listenWith(this);
    }

    /** Whether every invalidation published from now on reaches this instance. */
    boolean isListening() {
        RedisConnection current = connection;
        return running && subscribedAndCleared && current != null && isOpen(current);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "reference-invalidations");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        worker = executor;
        running = true;
        // the first round is awaited (a few seconds at most), so that an instance starts serving with its cache in use
        java.util.concurrent.Future<?> first = executor.submit(() -> check(executor));
        try {
            first.get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("The first subscription to reference invalidations is still under way: {}", e.toString());
        }
    }

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

    @Override
    public void destroy() {
        stop();
    }

    private void check(ScheduledThreadPoolExecutor executor) {
        if (!running) {
            return;
        }
        Duration next = CHECK_EVERY;
        try {
            if (connection == null) {
                RedisConnection fresh = connections.getConnection();
                try {
                    fresh.subscribe((message, pattern) -> cache.onMessage(message.getBody()), cache.channel().getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    closeQuietly(fresh);
                    throw e;
                }
                connection = fresh;
                // whatever was published while not subscribed is lost: start from nothing
                cache.clearAll();
                subscribedAndCleared = true;
            }
            if (isOpen(connection)) {
                nextRetry = FIRST_RETRY;
                if (outage) {
                    log.info("Listening for reference invalidations again; the in-process reference cache is in use");
                    outage = false;
                }
            } else {
                lost("the subscription's connection dropped");
                next = backOff();
            }
        } catch (RuntimeException e) {
            lost(e.toString());
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

    private void lost(String cause) {
        subscribedAndCleared = false;
        closeConnection();
        if (!outage) {
            outage = true;
            log.warn("Not listening for reference invalidations ({}): reference data is read from MySQL until it is back", cause);
        }
    }

    /** Lettuce keeps a subscription "alive" while it reconnects; what matters is whether its connection is open now. */
    private static boolean isOpen(RedisConnection connection) {
        if (!connection.isSubscribed()) {
            return false;
        }
        Object nativeConnection = connection.getNativeConnection();
        if (nativeConnection instanceof RedisPubSubAsyncCommands<?, ?> pubSub) {
            return pubSub.getStatefulConnection().isOpen();
        }
        return true;
    }

    private Duration backOff() {
        Duration wait = nextRetry;
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        return wait;
    }

    private void closeConnection() {
        RedisConnection current = connection;
        connection = null;
        subscribedAndCleared = false;
        if (current != null) {
            closeQuietly(current);
        }
    }

    private static void closeQuietly(RedisConnection connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            log.debug("Closing the reference-invalidation subscription failed: {}", e.toString());
        }
    }
}
