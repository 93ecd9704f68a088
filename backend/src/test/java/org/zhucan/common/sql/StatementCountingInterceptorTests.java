package org.zhucan.common.sql;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the driver-level statement counter counts on the application's own pool: the statements, each sent once, and not
 * the transaction control around them, although the driver sends that too.
 */
class StatementCountingInterceptorTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void countsStatementsButNotTheTransactionControlAroundThem() {
        // a table of its own, not a TEMPORARY one: the READ COMMITTED transaction below has a connection of the writing pool
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_counted_rows (id INT PRIMARY KEY)");
        TransactionTemplate readCommitted = new TransactionTemplate(transactions);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        long before = sqlStatements.count();

        readCommitted.executeWithoutResult(outer -> {
            jdbc.queryForObject("SELECT ?", Integer.class, 1);
            nested.executeWithoutResult(savepoint -> {
                jdbc.update("DELETE FROM test_counted_rows WHERE id < ?", 0);
                savepoint.setRollbackOnly();
            });
            jdbc.execute("SELECT 2");
        });

        // SELECT ?, DELETE, SELECT 2; not SET isolation, SET autocommit, SAVEPOINT, ROLLBACK TO SAVEPOINT, COMMIT
        assertThat(sqlStatements.count() - before).isEqualTo(3);
    }

    @Test
    void countsABatchTheDriverSendsAsOneStatementOnce() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long before = sqlStatements.count();
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS batched_rows (id INT PRIMARY KEY)");
            jdbc.batchUpdate("INSERT INTO batched_rows (id) VALUES (?)", List.of(new Object[] {1}, new Object[] {2}, new Object[] {3},
                    new Object[] {4}, new Object[] {5}));
            jdbc.execute("DROP TEMPORARY TABLE batched_rows");
        });

        // the CREATE, the one multi-row INSERT (rewriteBatchedStatements; five were it sent row by row), the DROP
        assertThat(sqlStatements.count() - before).isEqualTo(3);
    }

    @Test
    void tellsTransactionControlFromStatementsByTheFirstWord() {
        assertThat(List.of("SET autocommit=0", " set time_zone = '+00:00'", "SAVEPOINT `SAVEPOINT_1`", "RELEASE SAVEPOINT `SAVEPOINT_1`",
                "ROLLBACK TO SAVEPOINT `SAVEPOINT_1`", "rollback", "COMMIT")).allMatch(StatementCountingInterceptor::isTransactionControl);
        assertThat(List.of("SELECT 1", "SETTLE", "UPDATE setting SET x = 1", "INSERT INTO commit_log VALUES (1)", "SET_X", "COMMITTED"))
                .noneMatch(StatementCountingInterceptor::isTransactionControl);
    }

    @Test
    void refusesAConnectionForACounterThatIsNotOpen() {
        SqlStatementCounter closed = new SqlStatementCounter();
        closed.destroy();

        assertThatThrownBy(() -> SqlStatementCounter.named(closed.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has closed");
    }
}
