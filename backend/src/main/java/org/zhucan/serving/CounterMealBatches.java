package org.zhucan.serving;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.diner.DinerService;
import org.zhucan.diner.EveryDinersFacts;
import org.zhucan.diner.QuoteFacts;

/**
 * The counter's meals written together when they arrive together (group commit). A lunchtime rush sends many
 * {@code logMeal}s at once, each of which would take its diner's row with its standing meals, claim, and insert
 * its record, items, shares and payment in statements of its own. Instead, each request checks its meal outside any
 * transaction, and whichever request finds no batch being written takes every meal waiting (its own first, at most
 * {@link #MAX_BATCH}) and writes them with the same statements as one ({@link MealRecordWriter#writeTogether}), in a
 * READ COMMITTED transaction of its own; the others wait for that transaction to commit, and a diner's second meal
 * waits for the next batch. Nothing waits on purpose: a meal that arrives while no batch is being written is written
 * at once, alone, as before. Under load the batches form by themselves, from the meals that arrived while the last
 * one was written.
 *
 * <p>Each meal keeps its own outcome. When the database refuses the batch (a limit a usage row held, a booking served
 * meanwhile, a key used before), its transaction is rolled back and each of its meals is written again alone, in its
 * own request's transaction, so that a refusal lands on its own meal and the others are still written. (Joining a
 * caller's transaction, which it must not roll back, the batch is written in a savepoint and its meals again one by
 * one, each in a savepoint of its own, as an offline upload does.) When the writing
 * transaction does not commit (a deadlock, a failure of one meal's data, a cluster refusing the commit), the other
 * meals of the batch are written again, each alone in its own request's transaction, so whatever failed fails there.
 * The limits hold as before: they are held by the usage rows and the unique keys, not by the batching. A meal that has
 * waited {@code zhucan.serving.counter-batch-patience} (500 ms) for the batch being written (a diner's rows held by an
 * upload elsewhere, a slow database) is written alone instead, so one held-up batch never holds up every counter.
 */
@Component
class CounterMealBatches {

    /** The most meals one request writes for itself and others: a batch holds its diners' rows until it commits. */
    static final int MAX_BATCH = 16;

    private final MealRecordWriter writer;
    private final DinerService dinerService;
    private final PlatformTransactionManager transactions;
    /** A READ COMMITTED transaction (joining the caller's, if any), begun by hand when the writing must be let go before its commit. */
    private final TransactionTemplate writeTransaction;
    private final TransactionTemplate mealSavepoint;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<CounterMeal> waiting = new ConcurrentLinkedQueue<>();
    private final DistributionSummary batchSizes;
    private final Counter bypassed;
    private final Timer writingHeld;
    /** How long a meal waits for the batch being written before it is written alone: a batch held up holds up no more. */
    private volatile Duration patience;

    CounterMealBatches(MealRecordWriter writer, DinerService dinerService, PlatformTransactionManager transactions, MeterRegistry meters,
                       @Value("${zhucan.serving.counter-batch-patience:500ms}") Duration patience) {
        this.writer = writer;
        this.dinerService = dinerService;
        this.patience = patience;
        this.transactions = transactions;
        this.writeTransaction = new TransactionTemplate(transactions);
        this.writeTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.mealSavepoint = new TransactionTemplate(transactions);
        this.mealSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.batchSizes = DistributionSummary.builder("zhucan.serving.counter.batch")
                .description("Counter meals (logMeal) written together by one request, its own included")
                .baseUnit("meals")
                .register(meters);
        this.bypassed = Counter.builder("zhucan.serving.counter.bypassed")
                .description("Counter meals written alone because the batch being written took longer than the patience")
                .register(meters);
        // the one writer is the counter's serial path: its total time over the wall-clock time is how busy it is
        // (0.89-0.96 of the serving benchmark's rounds at 8 counters, 2026-12-06)
        this.writingHeld = Timer.builder("zhucan.serving.counter.writing")
                .description("Time a counter batch held the writing, from taking it to letting it go before its commit")
                .register(meters);
    }

    /**
     * Writes a checked counter meal: in a READ COMMITTED transaction of this request's own (alone, or a batch with the
     * meals of others), or in the transaction of another request that took it into its batch. A meal that fails leaves
     * nothing written, and the others' meals of its batch are written.
     * Joins the caller's transaction, if there is one, as its writing transaction.
     */
    RecordResult write(MealChecks.Checked checked, String key, String requestHash, String actor, MealLookups lookups) {
        // a caller who may read every diner's facts leaves them to the batch, which reads all its meals' in one statement
        EveryDinersFacts reader = checked.meal().diner() == null ? dinerService.everyDinersFacts() : null;
        Meal meal = reader == null ? checked.withFacts(lookups) : checked.meal();
        CounterMeal mine = new CounterMeal(MealRecordWriter.Pending.of(meal, key, requestHash), checked.dinerId(), reader, actor, lookups);
        waiting.add(mine);
        if (awaitWriting()) {
            if (mine.take()) {
                return writeHoldingTheWriting(mine);
            }
            writing.unlock();
        } else if (mine.take()) {
            // the batch being written is held up (its diners' rows held elsewhere, a slow database): this meal does not
            // wait behind it, but is written alone, as every meal was before batches
            waiting.remove(mine);
            bypassed.increment();
            return writeTransaction.execute(status -> alone(mine, status));
        }
        RecordResult written = mine.result.join();
        if (written != null) {
            return written;
        }
        // the batch that took it did not commit: written again alone, in this request's own transaction
        return writeTransaction.execute(status -> alone(mine, status));
    }

    /**
     * The batch written in a transaction of its own, the writing let go before the commit: the next batch is written
     * while this one commits, as the meals of different diners never wait on each other's rows.
     */
    private RecordResult writeHoldingTheWriting(CounterMeal mine) {
        long heldSince = System.nanoTime();
        TransactionStatus status = null;
        RecordResult result;
        try {
            status = transactions.getTransaction(writeTransaction);
            result = writeBatch(mine, status);
        } catch (RuntimeException | Error failed) {
            letGoOfWriting(heldSince);
            if (status != null) {
                transactions.rollback(status);
            }
            throw failed;
        }
        letGoOfWriting(heldSince);
        if (result == null) {
            // the batch was refused and nothing of it stays: the others write their meals again, each in its own
            // request's transaction, and so does this one
            transactions.rollback(status);
            return writeTransaction.execute(again -> alone(mine, again));
        }
        transactions.commit(status);
        return result;
    }

    /**
     * One meal in the transaction or savepoint given: when it fails, that is rolled back (in a transaction, the diners' rows it took included).
     * Its diner's facts are read first if no batch has read them, which happens only on its own request's thread (a
     * meal another request writes alone was in that request's batch, which read them): a diner not found is then that
     * request's own NotFoundException, as when the facts were read before the meal waited.
     */
    private RecordResult alone(CounterMeal meal, TransactionStatus status) {
        meal.readOwnFacts();
        RecordResult result = writer.writeOne(meal.pending, MealRecordOrigin.COUNTER, meal.actor, meal.lookups);
        if (result.failed()) {
            status.setRollbackOnly();
        }
        return result;
    }

    private void letGoOfWriting(long heldSince) {
        writingHeld.record(System.nanoTime() - heldSince, TimeUnit.NANOSECONDS);
        writing.unlock();
    }

    /** Whether this thread now holds the writing, within the patience. */
    private boolean awaitWriting() {
        try {
            return writing.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Holding the writing lock: the caller's meal (taken) and whatever else is waiting, written in the caller's
     * transaction. In a transaction of its own, the batch is written without a savepoint, and a refused one leaves the
     * transaction to be rolled back (null) rather than its meals written one by one in it: a refusal is rare, and the
     * savepoint cost every batch two round trips.
     */
    private RecordResult writeBatch(CounterMeal mine, TransactionStatus status) {
        waiting.remove(mine);
        List<CounterMeal> batch = new ArrayList<>();
        batch.add(mine);
        // one meal a diner: a diner's meals are written one after another, each seeing the one before (its second meal,
        // the two-sites check both ways), as they are when they do not arrive together
        Set<Long> diners = new HashSet<>();
        diners.add(mine.dinerId());
        for (Iterator<CounterMeal> next = waiting.iterator(); batch.size() < MAX_BATCH && next.hasNext(); ) {
            CounterMeal meal = next.next();
            if (!diners.contains(meal.dinerId()) && meal.take()) {
                next.remove();
                diners.add(meal.dinerId());
                batch.add(meal);
            }
        }
        try {
            readFacts(batch, mine);
        } catch (RuntimeException | Error failed) {
            // the others taken into this batch learn that no batch writes them, and write their meals again themselves
            batch.stream().filter(meal -> meal != mine).forEach(meal -> meal.result.complete(null));
            throw failed;
        }
        batchSizes.record(batch.size());
        boolean ownTransaction = status.isNewTransaction();
        if (batch.size() == 1 && !ownTransaction) {
            return alone(mine, status);
        }
        // the others learn their outcome once this transaction has committed, or that they must write their meals again
        RecordResult[] results = new RecordResult[batch.size()];
        if (batch.size() > 1) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    for (int k = 1; k < batch.size(); k++) {
                        batch.get(k).result.complete(status == STATUS_COMMITTED ? results[k] : null);
                    }
                }
            });
        }
        List<RecordResult> together = writeAtOnce(batch, ownTransaction ? MealRecordWriter.Undo.TRANSACTION : MealRecordWriter.Undo.SAVEPOINT);
        if (together == null && ownTransaction) {
            return null;
        }
        for (int k = 0; k < batch.size(); k++) {
            results[k] = together != null ? together.get(k) : writeAlone(batch.get(k), k == 0);
        }
        // the caller's own meal, when it failed, was undone with its savepoint: the others' meals are committed
        return results[0];
    }

    /**
     * The facts of the batch's meals that lack them, read in one statement a date (one, but for a batch around
     * midnight). A meal whose diner is not found leaves the batch, to be written again by its own request, which then
     * finds what there is (a diner removed meanwhile, or never there); when that is the caller's own meal, every other
     * meal leaves with it.
     */
    private void readFacts(List<CounterMeal> batch, CounterMeal mine) {
        Map<LocalDate, List<CounterMeal>> unread = new HashMap<>();
        batch.stream().filter(meal -> meal.pending.meal().diner() == null)
                .forEach(meal -> unread.computeIfAbsent(meal.pending.meal().date(), date -> new ArrayList<>()).add(meal));
        List<CounterMeal> notFound = new ArrayList<>();
        unread.forEach((date, meals) -> {
            Map<Long, QuoteFacts> facts = meals.get(0).reader.on(meals.stream().map(CounterMeal::dinerId).distinct().toList(), date);
            for (CounterMeal meal : meals) {
                QuoteFacts found = facts.get(meal.dinerId());
                if (found == null) {
                    notFound.add(meal);
                } else {
                    meal.knowFacts(found);
                }
            }
        });
        if (notFound.contains(mine)) {
            batch.stream().filter(meal -> meal != mine).forEach(meal -> meal.result.complete(null));
            batch.retainAll(List.of(mine));
            // NotFoundException, unless the diner has been added since
            mine.readOwnFacts();
            return;
        }
        notFound.forEach(meal -> {
            batch.remove(meal);
            meal.result.complete(null);
        });
    }

    /**
     * The batch's records, in its order; null when the database refused any of them, with nothing of them left written
     * (undone by its savepoint) or left for the transaction's rollback to undo.
     */
    private List<RecordResult> writeAtOnce(List<CounterMeal> batch, MealRecordWriter.Undo undo) {
        MealRecordWriter.Outcome outcome;
        try {
            outcome = writer.writeTogether(batch.stream().map(meal -> meal.pending).toList(), MealRecordOrigin.COUNTER,
                    k -> batch.get(k).actor, k -> batch.get(k).lookups, undo);
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure)) {
                throw failure;
            }
            // one meal's data the database would not take: each meal again on its own, where the failure is its own
            return null;
        }
        return outcome.records() == null ? null : outcome.records().stream().map(record -> new RecordResult(record, List.of())).toList();
    }

    /**
     * A meal of a refused batch, written in a savepoint of its own: its outcome, or null (another request's meal whose
     * writing failed) for its own request to write it again in its own transaction, where the failure is its own.
     */
    private RecordResult writeAlone(CounterMeal meal, boolean callers) {
        try {
            return mealSavepoint.execute(status -> alone(meal, status));
        } catch (RuntimeException failure) {
            if (callers || TransientFailures.isTransient(failure)) {
                throw failure;
            }
            return null;
        }
    }

    /** The meals waiting to be written (tests hold the writing to gather a batch). */
    int waitingMeals() {
        return waiting.size();
    }

    Duration patience() {
        return patience;
    }

    /** Sets the patience (tests that hold the writing longer, or shorter). */
    void patience(Duration patience) {
        this.patience = patience;
    }

    /** Holds the writing until {@link #releaseWriting}, on this thread: the meals that arrive meanwhile wait, to be written together. */
    void holdWriting() {
        writing.lock();
    }

    void releaseWriting() {
        writing.unlock();
    }

    /** A checked meal waiting to be written, with who logged it and the lookups its request read it with. */
    private static final class CounterMeal {

        /** Its meal, with its diner's facts once they are read (by the batch that takes it, or by its own request). */
        private MealRecordWriter.Pending pending;
        private final long dinerId;
        /** Reads its diner's facts for its request, whose scope reaches every diner; null when the meal came with them. */
        private final EveryDinersFacts reader;
        private final String actor;
        private final MealLookups lookups;
        /** Set once: by the request that takes it into its batch, or by its own request when it stops waiting. */
        private final AtomicBoolean taken = new AtomicBoolean();
        /** Its outcome once the batch that took it committed; null when that batch did not commit or could not write it. */
        private final CompletableFuture<RecordResult> result = new CompletableFuture<>();

        private CounterMeal(MealRecordWriter.Pending pending, long dinerId, EveryDinersFacts reader, String actor, MealLookups lookups) {
            this.pending = pending;
            this.dinerId = dinerId;
            this.reader = reader;
            this.actor = actor;
            this.lookups = lookups;
        }

        private boolean take() {
            return taken.compareAndSet(false, true);
        }

        private long dinerId() {
            return dinerId;
        }

        private void knowFacts(QuoteFacts facts) {
            pending = pending.withMeal(pending.meal().withDiner(facts));
        }

        /** Its diner's facts read by its own request if no batch has read them: a diner not found is its own request's NotFoundException. */
        private void readOwnFacts() {
            if (pending.meal().diner() == null) {
                knowFacts(lookups.facts(dinerId, pending.meal().date()));
            }
        }
    }
}
