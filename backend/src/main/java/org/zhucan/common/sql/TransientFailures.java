package org.zhucan.common.sql;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetrySpec;

/**
 * The one retry policy for a whole transaction that the database chose as a deadlock victim or
 * timed out on a lock: up to five more attempts, about 5, 10, 20, 40 and 80 ms apart with a few ms
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

    // Jitter spreads the retries of transactions that collided on one row (twenty repeats of one
    // idempotency key), which fixed delays would send back in step to collide again.
    static final MethodRetrySpec POLICY = new MethodRetrySpec(List.of(PessimisticLockingFailureException.class), List.of(),
            (method, failure) -> true, ATTEMPTS - 1, Duration.ofMillis(5), Duration.ofMillis(4), 2, Duration.ofMillis(100));

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(POLICY.includes())
            .maxRetries(POLICY.maxRetries())
            .delay(POLICY.delay())
            .jitter(POLICY.jitter())
            .multiplier(POLICY.multiplier())
            .maxDelay(POLICY.maxDelay())
            .build());

    private TransientFailures() {
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
