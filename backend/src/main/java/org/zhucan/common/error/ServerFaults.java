package org.zhucan.common.error;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells apart what reaches the error handler unhandled, by the whole cause chain (MyBatis and
 * the transaction manager wrap what the pool or the driver threw).
 */
final class ServerFaults {

    private ServerFaults() {
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
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
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
