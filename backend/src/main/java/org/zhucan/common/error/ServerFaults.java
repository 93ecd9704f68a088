package org.zhucan.common.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells apart what reaches the error handler unhandled, by the whole cause chain (MyBatis and
 * the transaction manager wrap what the pool or the driver threw).
 */
final class ServerFaults {

    /** MariaDB's ER_QUERY_INTERRUPTED: {@code KILL QUERY} (an operator, or a proxy that gave up on the statement). */
    private static final int QUERY_INTERRUPTED = 1317;

    /** MariaDB's ER_CONNECTION_KILLED: {@code KILL} of the connection, what a node shutting down answers to its open statements. */
    private static final int CONNECTION_KILLED = 1927;

    /** MariaDB's ER_STATEMENT_TIMEOUT: the statement ran past {@code max_statement_time}. */
    private static final int STATEMENT_TIMEOUT = 1969;

    private ServerFaults() {
    }

    /** What a failed request should tell its client: that it may send it again, and whether anything may have been done. */
    enum Unavailability {
        /** Too busy to start it, or the database gave up on a statement or lock before anything was kept: nothing changed. */
        BUSY,
        /** The database connection broke: if it broke at COMMIT the change may have been kept, so only a repeat that is safe to repeat. */
        CONNECTION_LOST
    }

    /** Whether the failure is one a client may retry (and how it should say so), or null when it is not. */
    static Unavailability unavailability(Throwable failure) {
        if (isConnectionLost(failure)) {
            return Unavailability.CONNECTION_LOST;
        }
        return isBusy(failure) ? Unavailability.BUSY : null;
    }

    /**
     * A fault of load, not of the request: no connection came from the pool in time (Hikari's
     * {@link SQLTransientConnectionException}, seen as a transaction that could not begin or a
     * connection that could not be had), or the database gave up on a statement or a lock.
     */
    static boolean isBusy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == QUERY_INTERRUPTED || sql.getErrorCode() == STATEMENT_TIMEOUT)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The connection to the database broke under the request: the node stopped or restarted, the
     * connection was killed, the network or a proxy between dropped it (SQLSTATE class 08, which the
     * driver raises as a communications failure, and Spring as a resource failure), or Galera's node
     * is out of the primary component (08S01). Not the request's fault, and gone on the next
     * connection the pool makes; but a COMMIT that was under way may have been kept. Also the pool's
     * "Connection is closed" (no SQLSTATE): the pool closes a connection it found broken, and a
     * request that still holds it meets that on its next statement, the broken one's failure
     * having been handled (an export answered 500 for it once in DatabaseConnectionLossApiTests).
     */
    static boolean isConnectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == CONNECTION_KILLED
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) || isClosedByPool(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isClosedByPool(SQLException sql) {
        StackTraceElement[] stack = sql.getStackTrace();
        return "Connection is closed".equals(sql.getMessage()) && stack.length > 0
                && stack[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    /**
     * A value the database refused (too long, out of range, a check or key it breaks): the request
     * was wrong in a way validation should have caught, so it is the caller's to fix.
     */
    static boolean isRefusedValue(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataIntegrityViolationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
