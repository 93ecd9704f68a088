package org.zhucan.common.sql;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a whole transaction that the database chose as a deadlock victim or timed out on a
 * lock. Call it outside the transaction (around the service proxy), so each attempt starts afresh.
 */
public final class TransientFailures {

    private static final int ATTEMPTS = 4;

    private TransientFailures() {
    }

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
