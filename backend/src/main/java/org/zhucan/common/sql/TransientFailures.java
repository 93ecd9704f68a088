package org.zhucan.common.sql;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a whole transaction that the database chose as a deadlock victim or timed out on a
 * lock: up to three more attempts, after 5, 10 and 20 ms (Spring's RetryTemplate). Call it outside
 * the transaction (around the service proxy), so each attempt starts afresh. Anything else, and
 * the last failure when the attempts are spent, is thrown as it was.
 */
public final class TransientFailures {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(3)
            .delay(Duration.ofMillis(5))
            .multiplier(2)
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
