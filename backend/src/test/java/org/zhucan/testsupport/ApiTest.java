package org.zhucan.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhucan.common.sql.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the API tests: the whole application on a random port, over real HTTP, against real
 * MySQL and Redis (see {@link LocalInfrastructure}), with one tester per demo role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    public static final String DEMO_PASSWORD = "demo1234";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected SqlStatementCounter sqlStatements;

    @Autowired
    private MeterRegistry meters;

    /** The application's clock: a test may stop it at an instant of its choosing; it runs again after each test. */
    @Autowired
    protected TestClock clock;

    @AfterEach
    void resumeClock() {
        clock.resume();
    }

    /**
     * How many SQL statements the request sends: what proves a list resolver batched (no N+1). The application's
     * background jobs are left out (they run on threads of their own); any other thread's statements are counted.
     */
    protected long statementsDuring(Runnable request) {
        long before = sqlStatements.countOutsideBackgroundWork();
        request.run();
        return sqlStatements.countOutsideBackgroundWork() - before;
    }

    /**
     * The fewest statements the request sends, asked again (three times in all at most) while it
     * sent more than {@code expectedAtMost}: the counter counts every thread's statements, so a
     * background one (a Redis fallback on a loaded machine) can land in a request's count, but
     * never take one away; an N+1 costs more on every run.
     */
    protected long fewestStatements(Runnable request, long expectedAtMost) {
        long fewest = statementsDuring(request);
        for (int run = 1; run < 3 && fewest > expectedAtMost; run++) {
            fewest = Math.min(fewest, statementsDuring(request));
        }
        return fewest;
    }

    /**
     * The N+1 guard of a list read: at many rows it sends exactly as many statements as at few, and
     * some. Each count is the fewest of up to three runs while they differ (see {@link #fewestStatements}).
     * The counts are taken again, for up to two minutes, while Redis failed or stalled during them: the
     * application then reads from MySQL what Redis holds (menus, token versions), and goes on doing so
     * for a few seconds after (RedisFallback), which is its fallback, not its cost. A CI run once measured
     * a home screen of 100 sites at 8 statements against 1 for 10 while Redis timed out.
     */
    protected void assertStatementsDoNotGrow(LongSupplier atFewRows, LongSupplier atManyRows) {
        long[] counts = new long[2];
        await("statement counts taken while Redis answered").atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    double redisTroubles = redisFallbacks();
                    long forFew = atFewRows.getAsLong();
                    long forMany = atManyRows.getAsLong();
                    for (int run = 1; run < 3 && forMany != forFew; run++) {
                        forFew = Math.min(forFew, atFewRows.getAsLong());
                        forMany = Math.min(forMany, atManyRows.getAsLong());
                    }
                    counts[0] = forFew;
                    counts[1] = forMany;
                    return redisFallbacks() == redisTroubles;
                });
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    /** Redis calls the application answered without Redis so far: cache operations that fell to MySQL, security checks that did. */
    private double redisFallbacks() {
        return Stream.of("zhucan.cache.errors", "zhucan.security.redis.fallbacks")
                .flatMap(name -> meters.find(name).counters().stream()).mapToDouble(Counter::count).sum();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected WebTestClient http() {
        return TestClients.http(baseUrl());
    }

    /** Logs every demo account in now, before a test moves the clock: tokens are checked against real time. */
    protected void logInDemoAccounts() {
        List.of("admin", "operator", "family", "finance", "inspector").forEach(this::as);
    }

    /** A tester that sends no token. */
    protected HttpGraphQlTester anonymous() {
        return TestClients.graphQl(baseUrl());
    }

    /** A tester logged in as a demo account (admin, finance, operator, inspector, family). */
    protected HttpGraphQlTester as(String username) {
        String token = TOKENS.computeIfAbsent(username + "@" + port, key -> login(username, DEMO_PASSWORD));
        return anonymous().mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** A tester logged in as the account on another application instance of the test (its port). */
    protected static HttpGraphQlTester testerAt(int otherPort, String username) {
        HttpGraphQlTester anonymous = TestClients.graphQl("http://localhost:" + otherPort);
        String token = anonymous.documentName("login").variable("username", username).variable("password", DEMO_PASSWORD).execute()
                .path("login.token").entity(String.class).get();
        return anonymous.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    protected String login(String username, String password) {
        return anonymous().documentName("login")
                .variable("username", username)
                .variable("password", password)
                .execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.token").entity(String.class).get();
    }
}
