package org.zhucan.common.sql;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.zhucan.common.error.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures a transaction is retried for, how often, and what the caller sees at the end. */
class TransientFailuresTests {

    @Test
    void shouldRetryADeadlockVictimUntilItCommits() {
        AtomicInteger attempts = new AtomicInteger();
        String result = TransientFailures.retry(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("Deadlock found when trying to get lock");
            }
            return "committed";
        });
        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldGiveUpAfterItsAttemptsWithTheLastFailureAsItWas() {
        AtomicInteger attempts = new AtomicInteger();
        CannotAcquireLockException last = new CannotAcquireLockException("Lock wait timeout exceeded");
        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            attempts.incrementAndGet();
            throw last;
        })).isSameAs(last);
        assertThat(attempts).hasValue(TransientFailures.ATTEMPTS);
    }

    @Test
    void shouldNeverRetryACallersMistake() {
        AtomicInteger attempts = new AtomicInteger();
        BadRequestException mistake = new BadRequestException("first must be between 1 and 100", "first");
        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            attempts.incrementAndGet();
            throw mistake;
        })).isSameAs(mistake);
        assertThat(attempts).hasValue(1);
    }
}
