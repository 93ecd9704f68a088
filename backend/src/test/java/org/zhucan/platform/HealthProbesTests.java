package org.zhucan.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.zhucan.ZhucanApplication;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.EmbeddedMariaDb;
import org.zhucan.testsupport.EmbeddedRedis;
import org.zhucan.testsupport.LocalServices;
import org.zhucan.testsupport.TestClients;
import org.zhucan.testsupport.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health that tells the truth, over HTTP, on an instance of the test's own whose MySQL (an embedded
 * MariaDB) and Redis (an embedded Redis) the test stalls and stops for real, both password-protected
 * as in local runs. Liveness holds the process state alone; readiness holds the instance's readiness,
 * MySQL and Redis, where a stalled or stopped Redis shows as DEGRADED and leaves the instance ready
 * (menus still read, from MySQL), while a stalled or stopped MySQL takes it out (503). No probe hangs
 * on a stalled service, and none shows details.
 * <p>
 * The tests run in order: the last one stops MySQL for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthProbesTests {

    /**
     * The instance's health timeout (10 s here) and room for a saturated machine. Spring Boot's own
     * database check would wait for the pool's connection timeout (30 s), or for ever when the pool
     * hands it a connection without checking it (one used in the last half second).
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(25);
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    /** Long enough for three requests on a busy machine; the test checks the stall still held after them. */
    private static final Duration REDIS_STALL = Duration.ofSeconds(30);

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;
    private static ConfigurableApplicationContext instance;
    private static String baseUrl;
    private static String adminToken;
    private static Map<String, Object> publishedMenu;

    @BeforeAll
    static void startInstance() throws Exception {
        mariaDb = EmbeddedMariaDb.start();
        redis = EmbeddedRedis.started();
        List<String> arguments = new ArrayList<>(TestSettings.serviceArguments(mariaDb.database(), redis.url()));
        // a generous bound, so that a healthy MySQL on a saturated machine still answers in time
        arguments.add("--zhucan.health.timeout=10s");
        instance = new SpringApplicationBuilder(ZhucanApplication.class).profiles("test").run(arguments.toArray(String[]::new));
        baseUrl = "http://localhost:" + instance.getEnvironment().getRequiredProperty("local.server.port");
        adminToken = TestClients.graphQl(baseUrl).documentName("login").variable("username", "admin")
                .variable("password", ApiTest.DEMO_PASSWORD).execute()
                .path("login.token").entity(String.class).get();
        publishedMenu = aPublishedMenu(mariaDb.database());
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void shouldSplitLivenessFromReadinessAndShowNoDetails() {
        Map<String, Object> liveness = health("/actuator/health/liveness", 200);
        assertThat(liveness.get("status")).isEqualTo("UP");
        assertThat(components(liveness)).containsOnlyKeys("livenessState");

        Map<String, Object> readiness = health("/actuator/health/readiness", 200);
        assertThat(readiness.get("status")).isEqualTo("UP");
        assertThat(components(readiness)).containsOnlyKeys("readinessState", "db", "redis");
        assertThat(statusOf(readiness, "db")).isEqualTo("UP");
        assertThat(statusOf(readiness, "redis")).isEqualTo("UP");

        Map<String, Object> all = health("/actuator/health", 200);
        assertThat(all.get("status")).isEqualTo("UP");
        assertThat(components(all)).containsKeys("db", "redis", "livenessState", "readinessState");
        String body = TestClients.http(baseUrl).get().uri("/actuator/health").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("details", "MariaDB", "MySQL", "127.0.0.1", "version", "error");

        // and the instance serves, on password-protected services
        assertThat(readMenu()).isNotNull();
    }

    @Test
    @Order(2)
    void shouldStayReadyAndServeMenusWhileRedisStalls() {
        try (RedisClient client = RedisClient.create(); StatefulRedisConnection<String, String> admin = client.connect(uri())) {
            assertThat(admin.sync().clientPause(REDIS_STALL.toMillis())).isEqualTo("OK");
            Map<String, Object> readiness = health("/actuator/health/readiness", 200);
            assertThat(readiness.get("status")).isEqualTo("UP");
            assertThat(statusOf(readiness, "redis")).isEqualTo("DEGRADED");
            assertThat(statusOf(readiness, "db")).isEqualTo("UP");
            assertThat(health("/actuator/health", 200).get("status")).isEqualTo("UP");

            assertThat(readMenu()).as("a menu read while Redis stalls").isNotNull();
            // the stall outlasted the read
            assertThat(statusOf(health("/actuator/health/readiness", 200), "redis")).isEqualTo("DEGRADED");
        }
        awaitRedisBack();
    }

    @Test
    @Order(3)
    void shouldStayReadyAndServeMenusWhileRedisIsDown() {
        redis.stop();
        try {
            Map<String, Object> readiness = health("/actuator/health/readiness", 200);
            assertThat(readiness.get("status")).isEqualTo("UP");
            assertThat(statusOf(readiness, "redis")).isEqualTo("DEGRADED");
            assertThat(readMenu()).as("a menu read while Redis is down").isNotNull();
            assertThat(health("/actuator/health/liveness", 200).get("status")).isEqualTo("UP");
        } finally {
            redis.start();
        }
        awaitRedisBack();
    }

    @Test
    @Order(4)
    void shouldTakeTheInstanceOutOfServiceWhileMySqlStallsAndBackAfter() {
        mariaDb.pause();
        try {
            Map<String, Object> readiness = health("/actuator/health/readiness", 503);
            assertThat(readiness.get("status")).isEqualTo("DOWN");
            assertThat(statusOf(readiness, "db")).isEqualTo("DOWN");
            assertThat(health("/actuator/health", 503).get("status")).isEqualTo("DOWN");
            assertThat(health("/actuator/health/liveness", 200).get("status")).isEqualTo("UP");
        } finally {
            mariaDb.resume();
        }
        await("ready again").atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> "UP".equals(health("/actuator/health/readiness", null).get("status")));
    }

    @Test
    @Order(5)
    void shouldTakeTheInstanceOutOfServiceWhenMySqlIsDown() {
        mariaDb.stop();
        Map<String, Object> readiness = health("/actuator/health/readiness", 503);
        assertThat(readiness.get("status")).isEqualTo("DOWN");
        assertThat(statusOf(readiness, "db")).isEqualTo("DOWN");
        assertThat(statusOf(readiness, "redis")).isEqualTo("UP");
        assertThat(health("/actuator/health/liveness", 200).get("status")).isEqualTo("UP");
    }

    /** The health document at the path, answered within {@link #ANSWER_WITHIN} with the HTTP status given (any, when null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> health(String path, Integer httpStatus) {
        long started = System.nanoTime();
        EntityExchangeResult<Map> result = TestClients.http(baseUrl).get().uri(path).exchange().expectBody(Map.class).returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered in time").isLessThan(ANSWER_WITHIN);
        if (httpStatus != null) {
            assertThat(result.getStatus().value()).as(path + " " + result.getResponseBody()).isEqualTo(httpStatus);
        }
        return (Map<String, Object>) result.getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> components(Map<String, Object> health) {
        return (Map<String, Object>) health.get("components");
    }

    @SuppressWarnings("unchecked")
    private static Object statusOf(Map<String, Object> health, String component) {
        return ((Map<String, Object>) components(health).get(component)).get("status");
    }

    private static void awaitRedisBack() {
        await("Redis answering the instance again").atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> "UP".equals(statusOf(health("/actuator/health/readiness", null), "redis")));
    }

    /** The published menu found before the test, read through the API (and so through the Redis cache). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMenu() {
        HttpGraphQlTester admin = TestClients.graphQl(baseUrl).mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken).build();
        return admin.documentName("menu").variable("siteId", publishedMenu.get("siteId")).variable("date", publishedMenu.get("date"))
                .variable("slot", publishedMenu.get("slot")).execute()
                .errors().verify()
                .path("menu.id").entity(String.class).isEqualTo(publishedMenu.get("id"))
                .path("menu").entity(Map.class).get();
    }

    private static Map<String, Object> aPublishedMenu(LocalServices.Database database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet menu = statement.executeQuery(
                     "SELECT id, site_id, menu_date, slot FROM menu WHERE status = 'PUBLISHED' ORDER BY menu_date DESC, id LIMIT 1")) {
            assertThat(menu.next()).as("a published demo menu").isTrue();
            return Map.of("id", menu.getString("id"), "siteId", menu.getString("site_id"), "date", menu.getString("menu_date"),
                    "slot", menu.getString("slot"));
        }
    }

    private static RedisURI uri() {
        RedisURI uri = RedisURI.create(redis.url());
        uri.setTimeout(TestClients.RESPONSE_TIMEOUT);
        return uri;
    }
}
