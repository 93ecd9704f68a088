package org.zhucan.common.sql;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a whole transaction that the database chose as a deadlock victim or timed out on a
 * lock: up to five more attempts, about 5, 10, 20, 40 and 80 ms apart with a few ms of jitter
 * (Spring's RetryTemplate). Call it outside
 * the transaction (around the service proxy), so each attempt starts afresh. Anything else, and
 * the last failure when the attempts are spent, is thrown as it was.
 */
public final class TransientFailures {

    /** Attempts in all: the first and five retries. */
    static final int ATTEMPTS = 6;

    // Jitter spreads the retries of transactions that collided on one row (twenty repeats of one
    // idempotency key), which fixed delays would send back in step to collide again.
    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(ATTEMPTS - 1)
            .delay(Duration.ofMillis(5))
            .jitter(Duration.ofMillis(4))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(100))
            .build());

    private TransientFailures() {
    }

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
