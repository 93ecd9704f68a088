package org.zhucan.common.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.testsupport.ApiTest;
import org.zhucan.testsupport.DriverQuestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two pools behind the application's DataSource: a READ COMMITTED writing transaction is served by the writing
 * pool and sends nothing but its statements and its COMMIT; everything else keeps the main pool and its settings; a
 * writing connection goes back to its pool as the next transaction wants it, whatever the last one did.
 */
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.queryInterceptors=org.zhucan.testsupport.DriverQuestions")
class TransactionPoolsTests extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionPools pools;
    TransactionTemplate readCommitted;
    long id;

    @BeforeEach
    void probeTable() throws SQLException {
        pools = dataSource.unwrap(TransactionPools.class);
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_transaction_pools_probe (id BIGINT PRIMARY KEY, note VARCHAR(40) NOT NULL)");
        readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        id = System.nanoTime();
    }

    @Test
    void shouldServeAReadCommittedWriteFromTheWritingPoolWithoutSettings() {
        AtomicInteger writingInUse = new AtomicInteger();
        AtomicReference<Boolean> autoCommit = new AtomicReference<>();
        List<String> sent = DriverQuestions.during(() -> readCommitted.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO test_transaction_pools_probe (id, note) VALUES (?, 'written')", id);
            writingInUse.set(pools.writingPool().getHikariPoolMXBean().getActiveConnections());
            autoCommit.set(jdbc.queryForObject("SELECT @@autocommit", Integer.class) == 1);
        }));

        assertThat(writingInUse.get()).as("writing connections in use during the transaction").isGreaterThanOrEqualTo(1);
        assertThat(autoCommit.get()).isFalse();
        assertThat(sent).as("what the driver sent").noneMatch(text -> text.startsWith("SET "))
                .anyMatch(text -> text.startsWith("INSERT INTO test_transaction_pools_probe")).contains("COMMIT");
        assertThat(note(id)).isEqualTo("written");
        assertThat(pools.writingPool().getHikariPoolMXBean().getActiveConnections()).as("given back").isZero();
    }

    @Test
    void shouldGiveAWritingConnectionBackCleanAfterARollback() {
        assertThatThrownBy(() -> readCommitted.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO test_transaction_pools_probe (id, note) VALUES (?, 'undone')", id);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        // the next writing transaction (on the connection just given back, the pool's most recently used) starts clean
        AtomicInteger open = new AtomicInteger();
        readCommitted.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO test_transaction_pools_probe (id, note) VALUES (?, 'after')", id + 1);
            open.set(jdbc.queryForObject("SELECT COUNT(*) FROM test_transaction_pools_probe WHERE id = ?", Integer.class, id));
        });
        assertThat(open.get()).isZero();
        assertThat(notes(id)).isZero();
        assertThat(note(id + 1)).isEqualTo("after");
    }

    @Test
    void shouldCommitWhatIsOpenWhenAutocommitIsTurnedBackOn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO test_transaction_pools_probe (id, note) VALUES (" + id + ", 'kept')");
            }
            assertThat(connection.getAutoCommit()).isFalse();
            // as MySQL does when autocommit is turned on, the open transaction is committed
            connection.setAutoCommit(true);
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(note(id)).isEqualTo("kept");
    }

    @Test
    void shouldKeepTheMainPoolAndItsSettingsForAnyOtherTransaction() {
        TransactionTemplate repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        readOnly.setReadOnly(true);

        for (TransactionTemplate other : List.of(repeatableRead, readOnly)) {
            AtomicInteger isolation = new AtomicInteger();
            AtomicInteger writingInUse = new AtomicInteger(-1);
            other.executeWithoutResult(status -> {
                jdbc.queryForObject("SELECT COUNT(*) FROM test_transaction_pools_probe", Integer.class);
                writingInUse.set(pools.writingPool().getHikariPoolMXBean().getActiveConnections());
                isolation.set(targetIsolation());
            });
            assertThat(writingInUse.get()).as("writing connections in use").isZero();
            assertThat(isolation.get()).isEqualTo(other.getIsolationLevel());
        }
    }

    @Test
    void shouldServeAConnectionInAutocommitFromTheMainPoolEvenInsideAWritingTransaction() {
        readCommitted.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO test_transaction_pools_probe (id, note) VALUES (?, 'inside')", id);
            // a connection of its own, in autocommit: what it writes is there before the transaction commits
            try (Connection own = dataSource.getConnection(); Statement sql = own.createStatement()) {
                sql.executeUpdate("INSERT INTO test_transaction_pools_probe (id, note) VALUES (" + (id + 1) + ", 'own')");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            try (Connection other = pools.writingPool().getConnection(); Statement sql = other.createStatement();
                 var seen = sql.executeQuery("SELECT COUNT(*) FROM test_transaction_pools_probe WHERE id IN (" + id + ", " + (id + 1) + ")")) {
                seen.next();
                assertThat(seen.getInt(1)).as("committed rows seen from elsewhere").isEqualTo(1);
                other.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(notes(id)).isEqualTo(1);
        assertThat(note(id + 1)).isEqualTo("own");
    }

    private int targetIsolation() {
        Connection handle = DataSourceUtils.getConnection(dataSource);
        try {
            return ((ConnectionProxy) handle).getTargetConnection().getTransactionIsolation();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(handle, dataSource);
        }
    }

    private String note(long probe) {
        return jdbc.queryForObject("SELECT note FROM test_transaction_pools_probe WHERE id = ?", String.class, probe);
    }

    private int notes(long probe) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM test_transaction_pools_probe WHERE id = ?", Integer.class, probe);
    }
}
