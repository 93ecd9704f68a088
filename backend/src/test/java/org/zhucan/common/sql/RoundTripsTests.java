package org.zhucan.common.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.executor.keygen.Jdbc3KeyGenerator;
import org.apache.ibatis.executor.keygen.KeyGenerator;
import org.apache.ibatis.executor.keygen.NoKeyGenerator;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DriverQuestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes sent together: in a READ COMMITTED transaction (the writing pool) as one text, each with its own row count; a
 * refusal of a later one fails the trip and runs nothing after it; on a connection of the main pool one by one, with
 * the same outcome; never a read, never a write whose keys would be lost.
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class RoundTripsTests extends ApiTest {

    private static final String TABLE = "test_round_trips_probe";

    @Autowired
    RoundTrips roundTrips;

    @Autowired
    SqlSessionFactory sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate readCommitted;
    TransactionTemplate repeatableRead;
    long id;

    @BeforeEach
    void probe() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT PRIMARY KEY, note VARCHAR(40) NOT NULL)");
        Configuration configuration = sessions.getConfiguration();
        statement(configuration, "insert", SqlCommandType.INSERT, "INSERT INTO " + TABLE + " (id, note) VALUES (?, ?)", NoKeyGenerator.INSTANCE,
                "id", "note");
        statement(configuration, "rename", SqlCommandType.UPDATE, "UPDATE " + TABLE + " SET note = ? WHERE id IN (?, ?)", NoKeyGenerator.INSTANCE,
                "note", "id", "other");
        statement(configuration, "read", SqlCommandType.SELECT, "SELECT note FROM " + TABLE + " WHERE id = ?", NoKeyGenerator.INSTANCE, "id");
        statement(configuration, "insertWithKey", SqlCommandType.INSERT, "INSERT INTO " + TABLE + " (id, note) VALUES (?, ?)",
                Jdbc3KeyGenerator.INSTANCE, "id", "note");
        readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        id = System.nanoTime();
    }

    @Test
    void shouldSendAWritingTransactionsWritesInOneTextEachWithItsRowCount() {
        AtomicReference<RoundTrips.Part> renamed = new AtomicReference<>();
        AtomicReference<RoundTrips.Part> inserted = new AtomicReference<>();
        List<String> sent = DriverQuestions.during(() -> readCommitted.executeWithoutResult(status -> {
            RoundTrips.Trip trip = roundTrips.start();
            inserted.set(trip.add(Probe.class, "insert", Map.of("id", id, "note", "first;\nline"), rows -> rows == 1));
            trip.add(Probe.class, "insert", Map.of("id", id + 1, "note", "second"));
            // two ids, one of them missing: one row, which its module did not accept
            renamed.set(trip.add(Probe.class, "rename", Map.of("note", "renamed", "id", id + 1, "other", id + 9), rows -> rows == 2));
            trip.send();
        }));

        assertThat(sent).as("what the driver sent").filteredOn(text -> text.contains(TABLE)).singleElement().satisfies(text ->
                assertThat(text.split("INSERT INTO " + TABLE, -1)).as("two inserts in the one text").hasSize(3));
        assertThat(sent).contains("COMMIT");
        assertThat(inserted.get().rows()).isEqualTo(1);
        assertThat(inserted.get().accepted()).isTrue();
        assertThat(renamed.get().rows()).isEqualTo(1);
        assertThat(renamed.get().accepted()).isFalse();
        // a value holding the separator is a value: it went escaped, and came back whole
        assertThat(note(id)).isEqualTo("first;\nline");
        assertThat(note(id + 1)).isEqualTo("renamed");
    }

    @Test
    void shouldFailTheTripAtALaterWritesRefusalAndRunNothingAfterIt() {
        AtomicInteger firstInside = new AtomicInteger(-1);
        AtomicInteger lastInside = new AtomicInteger(-1);
        assertThatThrownBy(() -> readCommitted.executeWithoutResult(status -> {
            RoundTrips.Trip trip = roundTrips.start();
            trip.add(Probe.class, "insert", Map.of("id", id, "note", "first"));
            trip.add(Probe.class, "insert", Map.of("id", id, "note", "again"));
            trip.add(Probe.class, "insert", Map.of("id", id + 1, "note", "after"));
            try {
                trip.send();
            } finally {
                firstInside.set(count(id));
                lastInside.set(count(id + 1));
            }
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(firstInside.get()).as("the write before the refusal, until the rollback").isEqualTo(1);
        assertThat(lastInside.get()).as("the write after the refusal").isZero();
        assertThat(count(id)).as("rolled back").isZero();
    }

    @Test
    void shouldSendOneByOneOnAConnectionThatTakesOneStatementAText() {
        AtomicReference<RoundTrips.Part> renamed = new AtomicReference<>();
        List<String> sent = DriverQuestions.during(() -> repeatableRead.executeWithoutResult(status -> {
            RoundTrips.Trip trip = roundTrips.start();
            trip.add(Probe.class, "insert", Map.of("id", id, "note", "first"));
            renamed.set(trip.add(Probe.class, "rename", Map.of("note", "renamed", "id", id, "other", id + 9), rows -> rows == 1));
            trip.send();
        }));

        assertThat(sent).filteredOn(text -> text.contains(TABLE)).hasSize(2);
        assertThat(renamed.get().accepted()).isTrue();
        assertThat(note(id)).isEqualTo("renamed");
        assertThatThrownBy(() -> repeatableRead.executeWithoutResult(status -> {
            RoundTrips.Trip trip = roundTrips.start();
            trip.add(Probe.class, "insert", Map.of("id", id + 1, "note", "first"));
            trip.add(Probe.class, "insert", Map.of("id", id, "note", "again"));
            trip.send();
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(count(id + 1)).as("rolled back").isZero();
    }

    @Test
    void shouldTakeWritesWithoutKeysOnlyAndSendThemInATransactionOnce() {
        RoundTrips.Trip trip = roundTrips.start();
        assertThatThrownBy(() -> trip.add(Probe.class, "read", Map.of("id", id))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no write");
        assertThatThrownBy(() -> trip.add(Probe.class, "insertWithKey", Map.of("id", id, "note", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generates keys");
        RoundTrips.Part part = trip.add(Probe.class, "insert", Map.of("id", id, "note", "outside"));
        assertThatThrownBy(part::rows).isInstanceOf(IllegalStateException.class);
        // outside a transaction each write would commit alone
        assertThatThrownBy(trip::send).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the caller's transaction");
        assertThat(count(id)).isZero();
        assertThatThrownBy(trip::send).isInstanceOf(IllegalStateException.class).hasMessageContaining("sent once");
    }

    private String note(long key) {
        return jdbc.queryForObject("SELECT note FROM " + TABLE + " WHERE id = ?", String.class, key);
    }

    private int count(long key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE id = ?", Integer.class, key);
    }

    /** A mapped statement of {@link Probe}, as a mapper XML would declare it, its parameters named in order. */
    private static void statement(Configuration configuration, String method, SqlCommandType type, String sql, KeyGenerator keys, String... names) {
        String statementId = Probe.class.getName() + "." + method;
        if (configuration.hasStatement(statementId, false)) {
            return;
        }
        List<ParameterMapping> parameters = Arrays.stream(names)
                .map(name -> new ParameterMapping.Builder(configuration, name, Object.class).build()).toList();
        configuration.addMappedStatement(new MappedStatement.Builder(configuration, statementId, new StaticSqlSource(configuration, sql, parameters),
                type).keyGenerator(keys).keyProperty(keys == NoKeyGenerator.INSTANCE ? null : "id").build());
    }

    /** The probe's statements' namespace. */
    private interface Probe {
    }
}
