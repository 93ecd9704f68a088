package org.zhucan.common.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.HeldConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lunch rush that takes every database connection: the next request does not queue for the
 * old 30 s and then fail as an internal error; it fails within the pool's 2 s wait, classified
 * UNAVAILABLE and marked retryable, and succeeds once connections are free again. An application
 * of its own with a pool of two, held by a test-only field. A token whose account version must be
 * read from the database (Redis does not hold it) gets the same answer as a 503, before any field.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
        // the production wait, as application.yml sets it (the test profile waits longer)
        "spring.datasource.hikari.connection-timeout=${ZHUCAN_DB_CONNECTION_TIMEOUT_MS:2000}"})
class PoolExhaustionApiTests extends ApiTest {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Autowired
    DataSource proxied;

    @Autowired
    StringRedisTemplate redis;

    private HikariDataSource dataSource;

    @AfterEach
    void letGo() {
        HeldConnections.letGo();
    }

    @Test
    void shouldAnswerAnExhaustedPoolQuicklyWithARetryableUnavailable() throws Exception {
        dataSource = proxied.unwrap(HikariDataSource.class);
        HttpGraphQlTester admin = as("admin");
        String token = login("admin", DEMO_PASSWORD);
        admin.documentName("platformRegionIds").execute().errors().verify();
        long connectionTimeout = dataSource.getConnectionTimeout();
        assertThat(connectionTimeout).as("the configured wait for a connection").isEqualTo(2000);

        List<CompletableFuture<?>> holders = new ArrayList<>();
        for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
            holders.add(CompletableFuture.runAsync(() -> admin.documentName("platformHoldConnection").variable("seconds", 300).execute()));
        }
        waitUntil(() -> dataSource.getHikariPoolMXBean().getActiveConnections() == dataSource.getMaximumPoolSize(), "every connection is held");

        long started = System.nanoTime();
        List<ResponseError> errors = new ArrayList<>();
        admin.documentName("platformRegionIds").execute().errors().satisfy(errors::addAll);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("UNAVAILABLE");
        assertThat(errors.get(0).getExtensions()).containsEntry("retryable", true);
        assertThat(errors.get(0).getMessage()).contains("send the same request again").doesNotContain("Hikari", "SQL", "Exception");
        // the pool's 2 s wait plus room for a saturated machine, far from the 30 s it took before
        assertThat(took).isLessThan(Duration.ofMillis(connectionTimeout).plusSeconds(15));

        // A token whose account version Redis does not hold needs the database before any field runs
        redis.delete(redis.keys("zhucan:token-version:*"));
        http().post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ __typename }"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(true)
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .contains("send the same request again").doesNotContain("Hikari", "SQL", "Exception"));

        HeldConnections.letGo();
        for (CompletableFuture<?> holder : holders) {
            holder.get();
        }
        waitUntil(() -> {
            List<ResponseError> again = new ArrayList<>();
            admin.documentName("platformRegionIds").execute().errors().satisfy(again::addAll);
            return again.isEmpty();
        }, "the same request succeeds once connections are free");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
        org.awaitility.Awaitility.await(what).atMost(DEADLINE).until(condition);
    }
}
