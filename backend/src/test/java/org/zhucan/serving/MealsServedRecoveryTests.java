package org.zhucan.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhucan.ZhucanApplication;
import org.zhucan.common.time.BusinessTime;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.Canteens;
import org.zhucan.testsupport.DistrictWorld;
import org.zhucan.testsupport.EmbeddedRedis;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestClock;
import org.zhucan.testsupport.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live meal screens come back by themselves. An instance of its own, on the tests' database and
 * on a Redis of this test's own that is not running yet, starts anyway; once Redis is up it
 * subscribes and a counter screen on it sees a meal logged there; when Redis drops and comes back it
 * subscribes again and the screen sees the next meal; and it closes promptly while Redis is down.
 * <p>
 * That a meal came through Redis, not through the instance's own fallback for when Redis cannot take
 * the message, is checked by listening on the channel alongside it; the test waits for conditions
 * (the screen watching, the subscription seen by Redis, the instance's connection answering), never
 * for a fixed time.
 */
class MealsServedRecoveryTests extends ApiTest {

    /** Far beyond the listener's longest retry (10 s) plus a saturated machine. */
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    /** A close normally takes a second or two; a hang on Redis never ends. */
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(45);

    @Autowired
    JdbcTemplate jdbc;

    // the instance under test, its Redis, and a client that watches that Redis as another instance would
    private EmbeddedRedis redis;
    private ConfigurableApplicationContext instance;
    private MealsServedFeed feed;
    private MealsServedListener listener;
    private RedisClient observer;

    @Test
    void shouldSubscribeOnceRedisIsUpAgainAfterItDropsAndCloseWhileItIsDown() throws Exception {
        DistrictWorld world = new DistrictWorld(this::as, jdbc);
        String firstDiner = world.diner(List.of());
        String secondDiner = world.diner(List.of());
        String token = login(world.operatorStaff, DEMO_PASSWORD);
        LocalDate today = DistrictWorld.today();
        Instant noon = ZonedDateTime.of(today, LocalTime.NOON, BusinessTime.ZONE).toInstant();

        redis = EmbeddedRedis.create();
        List<String> arguments = new ArrayList<>(TestSettings.serviceArguments(TestSettings.testDatabase(), redis.url()));
        arguments.add("--zhucan.demo.enabled=false");
        instance = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
        observer = RedisClient.create();
        try {
            int instancePort = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            instance.getBean(TestClock.class).stopAt(noon);
            feed = instance.getBean(MealsServedFeed.class);
            listener = instance.getBean(MealsServedListener.class);
            HttpGraphQlTester counter = TestClients.graphQl("http://localhost:" + instancePort).mutate()
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
            assertThat(listener.isListening()).isFalse();

            WebSocketGraphQlTester screen = Screens.webSocket(instancePort, token);
            BlockingQueue<Object> shown = Screens.subscribe(screen, world.siteA);
            await("the screen watching").atMost(DEADLINE).until(() -> feed.screens() == 1);

            // Redis comes up after the instance started
            redis.start();
            assertShownThroughRedis(counter, world.siteA, firstDiner, DistrictWorld.shanghai(today, 12, 0), shown);

            // Redis drops and comes back
            redis.stop();
            await("the listener noticing the drop").atMost(DEADLINE).until(() -> !listener.isListening());
            redis.start();
            assertShownThroughRedis(counter, world.siteA, secondDiner, DistrictWorld.shanghai(today, 12, 5), shown);
            // and once only: the connection given up while Redis was away must not come back subscribed beside the new one
            // (Lettuce reconnects a connection it was not told to close, and resubscribes it, up to 30 s later)
            assertOneSubscriberFor(Duration.ofSeconds(40));
            screen.stop().block(TestClients.RESPONSE_TIMEOUT);

            // closing while Redis is down
            redis.stop();
            await("the listener noticing the drop").atMost(DEADLINE).until(() -> !listener.isListening());
            CompletableFuture<Void> closing = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                instance.close();
                closing.complete(null);
            }, "close instance");
            closer.setDaemon(true);
            long started = System.nanoTime();
            closer.start();
            try {
                closing.get(CLOSE_WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the instance did not close within " + CLOSE_WITHIN + " while Redis was down", e);
            }
            assertThat(instance.isActive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CLOSE_WITHIN);
        } finally {
            observer.shutdown();
            if (instance.isActive()) {
                instance.close();
            }
            redis.stop();
        }
    }

    /**
     * Once the instance is subscribed (as Redis sees it) and its own connection answers, a meal logged
     * on it goes out through Redis and comes back to the screen.
     */
    private void assertShownThroughRedis(HttpGraphQlTester counter, String site, String diner, String servedAt, BlockingQueue<Object> shown)
            throws InterruptedException {
        awaitSubscribed();
        Screens.awaitRedisAnswering(instance, DEADLINE);
        try (Heard heard = listen(observer, redis, feed.channel())) {
            String record = Canteens.serveWalkIn(counter, site, diner, servedAt);
            assertThat(heard.next()).as("published through Redis").isEqualTo(site + ":" + record);
            assertThat(nextRecordId(shown)).isEqualTo(record);
        }
    }

    /**
     * Waits until the instance says it listens and Redis sees a subscriber on the channel. Either alone
     * is not enough: the instance may not have noticed yet that Redis restarted, and Redis may still
     * count a connection of the instance's that it has just closed (a reconnect already under way).
     */
    private void awaitSubscribed() {
        try (StatefulRedisConnection<String, String> connection = observer.connect(uri(redis))) {
            await("the instance subscribed on Redis").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> listener.isListening() && connection.sync().pubsubNumsub(feed.channel()).getOrDefault(feed.channel(), 0L) >= 1);
        }
    }

    /** Redis counts one subscriber on the channel, the instance's, all through the given time. */
    private void assertOneSubscriberFor(Duration time) {
        try (StatefulRedisConnection<String, String> connection = observer.connect(uri(redis))) {
            await("one subscription of the instance").atMost(time.plus(DEADLINE)).during(time).pollInterval(Duration.ofMillis(500))
                    .until(() -> connection.sync().pubsubNumsub(feed.channel()).getOrDefault(feed.channel(), 0L) == 1);
        }
    }

    /** What is published on the channel from now on, as another instance would hear it. */
    private static Heard listen(RedisClient observer, EmbeddedRedis redis, String channel) {
        StatefulRedisPubSubConnection<String, String> connection = observer.connectPubSub(uri(redis));
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                messages.add(message);
            }
        });
        connection.sync().subscribe(channel);
        return new Heard(connection, messages);
    }

    private record Heard(StatefulRedisPubSubConnection<String, String> connection, BlockingQueue<String> messages) implements AutoCloseable {

        String next() throws InterruptedException {
            return messages.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    private static RedisURI uri(EmbeddedRedis redis) {
        RedisURI uri = RedisURI.create(redis.url());
        uri.setTimeout(TestClients.RESPONSE_TIMEOUT);
        return uri;
    }

    private static String nextRecordId(BlockingQueue<Object> received) throws InterruptedException {
        Object next = received.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next).as("a record on the screen").isNotNull();
        if (next instanceof Throwable error) {
            throw new AssertionError("the subscription failed", error);
        }
        return ((GraphQlTester.Response) next).path("mealsServed.id").entity(String.class).get();
    }
}
