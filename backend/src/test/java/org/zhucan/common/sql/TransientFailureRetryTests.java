package org.zhucan.common.sql;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.testsupport.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RetryOnTransientFailure} on a real proxy of the application (its own advisors and orders):
 * the retry stands outside the transaction, so a deadlock victim's writes are rolled back before the
 * next attempt, which commits on its own. Were the orders reversed, the first attempt's row would
 * commit with the second's (or, inside the transaction, no retry would happen at all).
 */
class TransientFailureRetryTests extends ApiTest {

    private static final String TABLE = "transient_failure_probe";

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private Probe probe;

    @BeforeEach
    void createProbe() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, attempt INT NOT NULL)");
        jdbc.execute("DELETE FROM " + TABLE);
        // the application's post-processors make the proxy, as they do for every service
        probe = (Probe) context.getAutowireCapableBeanFactory().initializeBean(new Probe(jdbc), "transientFailureProbe");
    }

    @AfterEach
    void dropProbe() {
        jdbc.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void shouldStandOutsideTheTransactionAdvice() {
        List<Advisor> advisors = List.of(((Advised) probe).getAdvisors());
        int retry = indexOf(advisors, TransientFailureRetryConfig.OutermostTransactionRetry.class);
        int transaction = indexOf(advisors, TransactionInterceptor.class);
        assertThat(retry).isLessThan(transaction);
    }

    private static int indexOf(List<Advisor> advisors, Class<?> advice) {
        return advisors.indexOf(advisors.stream().filter(advisor -> advice.isInstance(advisor.getAdvice())).findFirst().orElseThrow());
    }

    @Test
    void shouldRunTheNextAttemptAsAFreshTransactionAfterTheVictimsRollback() {
        int result = probe.write(1, new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null));

        assertThat(result).isEqualTo(2);
        assertThat(probe.attempts()).isEqualTo(2);
        // the first attempt's row went with its transaction; only the second attempt's committed
        assertThat(jdbc.queryForList("SELECT attempt FROM " + TABLE, Integer.class)).containsExactly(2);
    }

    @Test
    void shouldGiveUpAfterSixAttemptsWithTheLastFailureAsItWas() {
        CannotAcquireLockException last = new CannotAcquireLockException("Lock wait timeout exceeded");

        assertThatThrownBy(() -> probe.write(Integer.MAX_VALUE, last)).isSameAs(last);
        assertThat(probe.attempts()).isEqualTo(TransientFailures.ATTEMPTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class)).isZero();
    }

    @Test
    void shouldRetryAGaleraNodeThatIsNotReadyButNotABrokenConnection() {
        // what the driver and Spring make of a node outside the primary component, and of one that vanished
        DataAccessResourceFailureException notReady = new DataAccessResourceFailureException("could not execute",
                new SQLNonTransientConnectionException("WSREP has not yet prepared node for application use", "08S01", 1047));
        assertThat(probe.write(2, notReady)).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT attempt FROM " + TABLE, Integer.class)).containsExactly(3);

        Probe another = (Probe) context.getAutowireCapableBeanFactory().initializeBean(new Probe(jdbc), "transientFailureProbe");
        DataAccessResourceFailureException broken = new DataAccessResourceFailureException("could not commit",
                new SQLNonTransientConnectionException("Communications link failure", "08S01", 0));
        assertThatThrownBy(() -> another.write(1, broken)).isSameAs(broken);
        assertThat(another.attempts()).isEqualTo(1);
    }

    @Test
    void shouldRetryADeadlockThatTheFailedRollbackToItsSavepointHides() {
        // what TransactionTemplate throws when a deadlock victim's savepoint went with its transaction
        TransactionSystemException hidden = new TransactionSystemException("Could not roll back to JDBC savepoint",
                new SQLSyntaxErrorException("SAVEPOINT SAVEPOINT_1 does not exist", "42000", 1305));
        hidden.initApplicationException(new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null));
        assertThat(probe.write(1, hidden)).isEqualTo(2);

        Probe another = (Probe) context.getAutowireCapableBeanFactory().initializeBean(new Probe(jdbc), "transientFailureProbe");
        TransactionSystemException otherRollback = new TransactionSystemException("Could not roll back JDBC transaction");
        assertThatThrownBy(() -> another.write(1, otherRollback)).isSameAs(otherRollback);
        assertThat(another.attempts()).isEqualTo(1);
    }

    @Test
    void shouldRetryADeadlockAtTheReleaseOfASavepoint() {
        // what TransactionTemplate throws when Galera aborts the transaction as it releases a savepoint (seen on the cluster)
        TransactionSystemException atRelease = new TransactionSystemException("Could not explicitly release JDBC savepoint",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        assertThat(probe.write(1, atRelease)).isEqualTo(2);
    }

    @Test
    void shouldNeverRetryAnythingElse() {
        IllegalStateException bug = new IllegalStateException("a bug, not a lock");

        assertThatThrownBy(() -> probe.write(1, bug)).isSameAs(bug);
        assertThat(probe.attempts()).isEqualTo(1);
    }

    @Test
    void shouldRunOnceInsideACallersTransactionAndLeaveTheRetryToItsBoundary() {
        DeadlockLoserDataAccessException deadlock = new DeadlockLoserDataAccessException("Deadlock found when trying to get lock", null);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).execute(status -> probe.write(1, deadlock))).isSameAs(deadlock);
        assertThat(probe.attempts()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class)).isZero();
    }

    /** A service method that writes a row, then fails its first attempts the way a deadlock victim does. */
    public static class Probe {

        private final AtomicInteger attempts = new AtomicInteger();
        private final JdbcTemplate jdbc;

        public Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        @RetryOnTransientFailure
        public int write(int failingAttempts, RuntimeException failure) {
            int attempt = attempts.incrementAndGet();
            jdbc.update("INSERT INTO " + TABLE + " (attempt) VALUES (?)", attempt);
            if (attempt <= failingAttempts) {
                throw failure;
            }
            return attempt;
        }

        public int attempts() {
            return attempts.get();
        }
    }
}
