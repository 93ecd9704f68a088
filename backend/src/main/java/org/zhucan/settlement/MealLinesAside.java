package org.zhucan.settlement;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The period's meal lines of a whole statement (no other statement reaches its period), read on a connection of
 * their own while the generation writes the claim on its own. Both read the same month of records, one after the
 * other they took 3.8 s and 4.2 s at a million records, and a small server has two cores: side by side, the
 * generation waits for the longer of the two.
 *
 * <p>The lines must sum exactly the claimed records. The read is one REPEATABLE READ snapshot that also counts the
 * period's records at the sites. Records are never deleted and never change operator, date or site, so that set only
 * grows, and the claim is a snapshot of it too: a snapshot that counts as many records as the claim holds is the
 * claimed set. When the counts differ (a meal was logged between the two) or the read failed, {@link Read#matches}
 * says no and the generation writes its lines on its own connection, as it does for a statement that is not whole.
 */
@Component
class MealLinesAside implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MealLinesAside.class);
    /** Generations of different operators run at once; beyond this many, a read waits its turn (and the generation with it). */
    private static final int READERS = 2;

    private final SettlementMapper mapper;
    private final TransactionTemplate snapshot;
    private final ExecutorService readers;
    /** Reads ended so far, read or failed: tests wait on it to place a meal between a read and the claim. */
    private final AtomicLong readsEnded = new AtomicLong();

    MealLinesAside(SettlementMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger threads = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(READERS, runnable -> {
            Thread thread = new Thread(runnable, "settlement-lines-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reading the lines of the scope's period (a whole statement's) and the number of its records. */
    Pending start(StatementClaims.Scope scope) {
        if (!scope.whole()) {
            throw new IllegalArgumentException("only a whole statement's lines are read from the records");
        }
        return new Pending(readers.submit(() -> {
            try {
                return snapshot.execute(status -> new Read(
                        mapper.periodMealLineTotals(scope.operatorId(), scope.sites(), scope.start(), scope.end()),
                        mapper.countPeriodRecords(scope.operatorId(), scope.sites(), scope.start(), scope.end())));
            } finally {
                readsEnded.incrementAndGet();
            }
        }));
    }

    long readsEnded() {
        return readsEnded.get();
    }

    /** A read under way. */
    static final class Pending {
        private final Future<Read> read;

        private Pending(Future<Read> read) {
            this.read = read;
        }

        /** The lines, once read; null when the read failed (logged), so that the generation writes them itself. */
        Read await() {
            try {
                return read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the meal lines were read", e);
            } catch (ExecutionException e) {
                log.warn("the meal lines read aside failed; the generation reads them itself", e.getCause());
                return null;
            }
        }
    }

    /** The lines and how many of the period's records they sum. */
    record Read(List<SettlementMapper.LineTotal> lines, int periodRecords) {

        /** Whether these lines sum exactly the claims of the period: as many records as claimed (null: not counted). */
        static boolean matches(Read read, Integer claimed) {
            return read != null && claimed != null && read.periodRecords() == claimed;
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
