package org.zhucan.common.error;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.LocalServices;
import org.zhucan.testsupport.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database connection that breaks under a request (a Galera node stopped, a connection killed, a
 * statement killed) is answered as a retryable UNAVAILABLE error, never an HTTP 500 without a
 * GraphQL body: in a field, before any field (the bearer token's account lookup in the security
 * filter), and in a plain HTTP endpoint (the settlement export). Done for real against the local
 * MariaDB: the test KILLs the application's connections from a connection of its own.
 *
 * <p>The pool lends a connection used in the last 500 ms without checking it (Hikari's
 * {@code aliveBypassWindowMs}), which is how a lunch rush meets the connections a stopped node left
 * behind; the window is widened for this application so that a killed idle connection is lent
 * unchecked every time, not only when the test happens to be quick.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2"})
class DatabaseConnectionLossApiTests extends ApiTest {

    private static final String BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    static {
        // read once, when the pool is built: only this test's application starts while it is set (cleared after its tests)
        System.setProperty(BYPASS_WINDOW, Long.toString(Duration.ofHours(1).toMillis()));
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    StringRedisTemplate redis;

    @AfterAll
    static void narrowTheWindowAgain() {
        System.clearProperty(BYPASS_WINDOW);
    }

    /** KILL: the connection of a field's statement dies under it; KILL QUERY: only its statement is stopped. */
    @ParameterizedTest
    @ValueSource(strings = {"KILL", "KILL QUERY"})
    void shouldAnswerAConnectionOrStatementKilledUnderAFieldAsRetryableUnavailable(String kill) throws Exception {
        HttpGraphQlTester admin = as("admin");
        String tag = "killed-" + UUID.randomUUID();
        CompletableFuture<List<ResponseError>> request = sleepInDatabase(admin, tag);
        kill(kill + " " + processOf(tag));

        assertUnavailable(request.get());
        assertAnswersAgain(admin);
    }

    @Test
    void shouldAnswerABrokenConnectionBeforeAnyFieldWith503AndAGraphQlBody() throws Exception {
        HttpGraphQlTester admin = as("admin");
        String token = login("admin", DEMO_PASSWORD);
        admin.document("{ __typename }").execute().errors().verify();
        // the account version must come from the database, in the security filter, on a connection that is dead
        killPoolConnections();
        redis.delete(redis.keys("zhucan:token-version:*"));

        http().post().uri("/graphql").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ __typename }"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(true)
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message)
                        .contains("send the same request again").doesNotContain("SQL", "Exception", "Communications"));
        assertAnswersAgain(admin);
    }

    @Test
    void shouldAnswerABrokenConnectionUnderAnExportWith503() throws Exception {
        HttpGraphQlTester admin = as("admin");
        String token = login("admin", DEMO_PASSWORD);
        admin.document("{ __typename }").execute().errors().verify();
        killPoolConnections();

        // the statement need not exist: its look-up is what meets the dead connection
        http().get().uri("/exports/settlements/" + Long.MAX_VALUE + ".csv").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAVAILABLE")
                .jsonPath("$.errors[0].extensions.retryable").isEqualTo(true);
        assertAnswersAgain(admin);
    }

    /**
     * The pool closes a connection it found broken; a request still holding it meets "Connection is closed" (no
     * SQLSTATE) on its next statement, which is the same loss (an export once answered 500 for it here). Only the
     * pool's own message counts: the same words from anything else stay an internal error.
     */
    @Test
    void shouldCountAConnectionThePoolClosedAsLost() throws Exception {
        Connection connection = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getConnection();
        connection.close();
        java.sql.SQLException closed = org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class,
                () -> connection.setAutoCommit(false));
        assertThat(closed.getMessage()).isEqualTo("Connection is closed");
        assertThat(ServerFaults.isConnectionLost(new org.springframework.jdbc.UncategorizedSQLException("export", "SELECT 1", closed))).isTrue();
        assertThat(ServerFaults.isConnectionLost(new org.springframework.jdbc.UncategorizedSQLException("export", "SELECT 1",
                new java.sql.SQLException("Connection is closed")))).isFalse();
    }

    @Test
    void shouldStillAnswerANonTransientFaultAsInternalError() {
        List<ResponseError> errors = new ArrayList<>();
        as("admin").document("{ failInternally }").execute().errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
        assertThat(errors.get(0).getExtensions()).doesNotContainKey("retryable");
    }

    // ---------------------------------------------------------------- helpers

    private static CompletableFuture<List<ResponseError>> sleepInDatabase(HttpGraphQlTester tester, String tag) {
        return CompletableFuture.supplyAsync(() -> {
            List<ResponseError> errors = new ArrayList<>();
            tester.document("query($tag: String!) { sleepInDatabase(seconds: 120, tag: $tag) }").variable("tag", tag)
                    .execute().errors().satisfy(errors::addAll);
            return errors;
        });
    }

    private static void assertUnavailable(List<ResponseError> errors) {
        assertThat(errors).hasSize(1);
        ResponseError error = errors.get(0);
        assertThat(error.getErrorType().toString()).isEqualTo("UNAVAILABLE");
        assertThat(error.getExtensions()).containsEntry("retryable", true);
        assertThat(error.getMessage()).contains("send the same request again").doesNotContain("SQL", "Exception", "Communications", "KILL");
    }

    /**
     * The pool replaces what broke: a client that retries is served. Another dead connection may answer first (the pool
     * checks a connection given back less than half a second ago without asking the database), each of them once, as
     * UNAVAILABLE: the retries read the database, as a request that met one would (a retry that touched no table passed
     * while a dead connection still waited in the pool, and the read after it failed on a fast machine).
     */
    private static void assertAnswersAgain(HttpGraphQlTester tester) {
        List<ResponseError> seen = new ArrayList<>();
        Awaitility.await("a request reading the database is served").atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            List<ResponseError> errors = new ArrayList<>();
            tester.document("query($tag: String!) { sleepInDatabase(seconds: 0, tag: $tag) }").variable("tag", "after").execute()
                    .errors().satisfy(errors::addAll);
            seen.addAll(errors);
            return errors.isEmpty();
        });
        assertThat(seen).as("what the retries met").allSatisfy(error -> assertUnavailable(List.of(error)));
    }

    /** The process list id of the statement carrying the tag, once it runs. */
    private static long processOf(String tag) {
        return Awaitility.await("the tagged statement runs").atMost(Duration.ofMinutes(1)).until(() -> {
            try (Connection own = ownConnection(); Statement select = own.createStatement();
                 ResultSet rows = select.executeQuery("SELECT ID, INFO FROM information_schema.PROCESSLIST WHERE INFO LIKE '%SLEEP(%'")) {
                while (rows.next()) {
                    if (rows.getString(2).contains(tag)) {
                        return rows.getLong(1);
                    }
                }
                return null;
            }
        }, id -> id != null);
    }

    /** Kills every connection the application's pool holds, idle as they are: the next ones lent are dead. */
    private void killPoolConnections() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Connection connection = dataSource.getConnection();
                borrowed.add(connection);
                try (Statement select = connection.createStatement(); ResultSet id = select.executeQuery("SELECT CONNECTION_ID()")) {
                    id.next();
                    ids.add(id.getLong(1));
                }
            }
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        for (long id : ids) {
            kill("KILL " + id);
        }
    }

    private static void kill(String statement) throws Exception {
        try (Connection own = ownConnection(); Statement kill = own.createStatement()) {
            kill.execute(statement);
        }
    }

    /** A connection of the test's own, outside the application's pool. */
    private static Connection ownConnection() throws Exception {
        LocalServices.Database database = TestSettings.testDatabase();
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
