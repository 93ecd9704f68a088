package org.zhucan.common.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetrySpec;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one retry policy for a whole transaction that the database chose as a deadlock victim, timed
 * out on a lock, or that a Galera node refused: up to five more attempts, about 5, 10, 20, 40 and 80 ms apart with a few ms
 * of jitter. Anything else, and the last failure when the attempts are spent, is thrown as it was.
 *
 * <p>A service method declares it with {@link RetryOnTransientFailure} (the advice runs outside the
 * transaction, see {@link TransientFailureRetryConfig}). {@link #retry} is for the few places that
 * open their transactions themselves, one after another, where no proxy stands between the
 * retry and the transaction (an offline upload's chunks).
 */
public final class TransientFailures {

    /** Attempts in all: the first and five retries. */
    static final int ATTEMPTS = 6;

    /**
     * MariaDB's ER_UNKNOWN_COM_ERROR, which a Galera node answers to every statement while it is not
     * part of the primary component ("WSREP has not yet prepared node for application use"): it has
     * done nothing, and its SQLSTATE 08S01 makes the pool drop the connection and the driver's
     * multi-host URL move to the next node, so the next attempt runs on another connection.
     */
    static final int WSREP_NOT_READY = 1047;

    /** ER_LOCK_DEADLOCK, which Galera also answers for a write set that lost certification. */
    static final int DEADLOCK = 1213;

    /** ER_SP_DOES_NOT_EXIST: a savepoint is gone only when the database rolled the whole transaction back. */
    static final int SAVEPOINT_GONE = 1305;

    // Jitter spreads the retries of transactions that collided on one row (twenty repeats of one
    // idempotency key), which fixed delays would send back in step to collide again.
    static final MethodRetrySpec POLICY = new MethodRetrySpec(List.of(), List.of(),
            (method, failure) -> isTransient(failure), ATTEMPTS - 1, Duration.ofMillis(5), Duration.ofMillis(4), 2, Duration.ofMillis(100));

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .predicate(TransientFailures::isTransient)
            .maxRetries(POLICY.maxRetries())
            .delay(POLICY.delay())
            .jitter(POLICY.jitter())
            .multiplier(POLICY.multiplier())
            .maxDelay(POLICY.maxDelay())
            .build());

    private TransientFailures() {
    }

    /**
     * A deadlock victim or lock timeout (Galera reports a write set that lost certification as a
     * deadlock, 1213, so it is retried the same way), or a node that is not ready. A broken
     * connection is not retried: its COMMIT may have been replicated, and a repeat would be a
     * second write rather than a second try.
     */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof PessimisticLockingFailureException) {
            return true;
        }
        if (failure instanceof TransactionSystemException rollback) {
            // A deadlock victim inside a savepoint (PROPAGATION_NESTED): the database rolled the whole transaction back,
            // so rolling back to (or releasing) the savepoint fails, and that failure hides the deadlock. Galera's
            // brute-force abort of a transaction that lost to a replicated write set lands here too.
            if (rollback.getApplicationException() != null && isTransient(rollback.getApplicationException())) {
                return true;
            }
            // Galera can also abort the transaction at the RELEASE SAVEPOINT itself ("Could not explicitly release JDBC
            // savepoint", caused by a deadlock): seen on the cluster under the meal race
            return hasErrorCode(rollback, SAVEPOINT_GONE) || hasErrorCode(rollback, DEADLOCK) || hasErrorCode(rollback, WSREP_NOT_READY);
        }
        // a deadlock however it is wrapped (Galera's abort can strike at the SAVEPOINT statement itself, which
        // Spring reports as CannotCreateTransactionException): the database has rolled the transaction back
        return hasErrorCode(failure, WSREP_NOT_READY) || hasErrorCode(failure, DEADLOCK);
    }

    private static boolean hasErrorCode(Throwable failure, int code) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code transaction}, which must open and end its own transaction, under {@link #POLICY}. */
    public static <T> T retry(Supplier<T> transaction) {
        try {
            return RETRY.execute(transaction::get);
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }
}
