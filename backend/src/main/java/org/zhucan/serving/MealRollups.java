package org.zhucan.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.TransientFailures;
import org.zhucan.security.CurrentUser;

/**
 * The daily roll-ups of meal records (V26) that dashboards and evaluations read instead of the
 * records: kept by marking, never by adding deltas. Whatever changes a site's day (a meal, a
 * void, a correction, a flag on a record) marks the day in its own transaction, with one statement
 * ({@link #changed}); a reader takes the roll-up's rows for unmarked days and computes marked ones
 * from the records, in one snapshot, so that it sees exactly what the records say; a job computes
 * marked days again and removes each mark only if its stamp did not change meanwhile.
 *
 * <p>Why marks and not deltas: a void changes who counts as a diner and whether a slot has a
 * flagged meal, a two-sites flag lands on another site's record, and distinct diners do not add
 * up; a day computed from its records is right by construction, and a mark costs one statement
 * whatever the change. Each writer inserts a mark of its own (V41), so writers never wait on one another's.
 *
 * <p>A writer that has seen a mark of its own committed trusts it for a while ({@code trustedFor}, a
 * minute) and writes no other for that site day meanwhile: a site's counter marks its day about once
 * a minute, not once a meal (issue 20: logMeal sends one statement less). The job leaves a mark
 * until it is older than that, with room for clocks apart and commits under way
 * ({@code leftToWriters}, three minutes): a mark's stamp carries the time it was written. Readers
 * compute a marked day from its records, so a busy site's day is read from them while it serves, as
 * it was when every meal marked it between the job's runs.
 */
@Service
public class MealRollups {

    /** Site days computed in one transaction. */
    static final int BATCH = 200;
    /** Days one rebuild covers at most. */
    static final int MAX_REBUILD_DAYS = 366;
    /** Bits of a mark's stamp below its time in milliseconds: random, so that two writers' marks of one instant differ. */
    private static final int STAMP_RANDOM_BITS = 20;

    private final MealRollupMapper mapper;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate readCommitted;
    private final ApplicationEventPublisher events;
    private final Duration trustedFor;
    private final Duration leftToWriters;
    /** Site days whose mark this instance saw committed, and until when it trusts that mark. */
    private final Map<SiteDay, Instant> trusted = new ConcurrentHashMap<>();

    MealRollups(MealRollupMapper mapper, AuditService audit, Clock clock, PlatformTransactionManager transactions,
                ApplicationEventPublisher events, @Value("${zhucan.serving.rollup-marks-trusted-for}") Duration trustedFor,
                @Value("${zhucan.serving.rollup-marks-left-to-writers}") Duration leftToWriters) {
        if (trustedFor.isNegative() || leftToWriters.compareTo(trustedFor) <= 0) {
            throw new IllegalStateException("zhucan.serving.rollup-marks-left-to-writers (" + leftToWriters
                    + ") must be longer than zhucan.serving.rollup-marks-trusted-for (" + trustedFor + "), which may not be negative");
        }
        this.trustedFor = trustedFor;
        this.leftToWriters = leftToWriters;
        this.mapper = mapper;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        // no gap locks on the roll-up rows it replaces, and each statement reads what is committed by then
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Marks site days whose records changed, in the caller's transaction: one statement however
     * many. Every writer of meal records and their flags calls it; so does anything that writes
     * records by SQL (the demo history).
     */
    @Transactional
    public void changed(Collection<SiteDay> days) {
        if (days.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // a day whose mark this instance saw committed a moment ago is still marked: nothing to write
        List<SiteDay> sorted = days.stream().distinct().filter(day -> !trusted.getOrDefault(day, Instant.MIN).isAfter(now))
                .sorted(Comparator.comparing(SiteDay::date).thenComparingLong(SiteDay::siteId)).toList();
        if (sorted.isEmpty()) {
            return;
        }
        // a mark of this writer's own (V41): writers never wait on one another's marks, nor conflict on a Galera cluster
        mapper.mark(sorted, stampAt(now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Instant until = now.plus(trustedFor);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    trusted.values().removeIf(expiry -> !expiry.isAfter(now));
                    sorted.forEach(day -> trusted.put(day, until));
                }
            });
        }
    }

    /** A writer's stamp: the time in milliseconds, then random bits. */
    private static long stampAt(Instant at) {
        return timeStamp(at) | ThreadLocalRandom.current().nextLong(1L << STAMP_RANDOM_BITS);
    }

    /** The lowest stamp of an instant: its milliseconds, the random bits zero. */
    private static long timeStamp(Instant at) {
        return at.toEpochMilli() << STAMP_RANDOM_BITS;
    }

    /** A stamp of no time (its milliseconds under 18 minutes after 1970), which the job takes at once and no writer trusts. */
    private static long noTimeStamp() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 40);
    }

    /**
     * The marks the job may take now: those written longer than {@code leftToWriters} ago, and those whose stamp is no
     * time (a day or more ahead): the random stamps of V41, and any of a clock that ran far ahead.
     */
    private MealRollupMapper.Taken taken() {
        Instant now = clock.instant();
        return new MealRollupMapper.Taken(timeStamp(now.minus(leftToWriters)), timeStamp(now.plus(Duration.ofDays(1))));
    }

    /**
     * Computes marked site days again, the oldest first, up to {@code limit} of them: what the job
     * runs. Returns how many site days it computed (a day changed while it was computed keeps the newer mark).
     */
    public int computeMarked(int limit) {
        List<MealRollupMapper.Dirty> marked = mapper.dirtyBatch(null, null, taken(), limit);
        int computed = 0;
        for (int from = 0; from < marked.size(); from += BATCH) {
            computed += compute(marked.subList(from, Math.min(from + BATCH, marked.size())));
        }
        return computed;
    }

    /**
     * rebuildMealRollups (the national ADMIN): every site day between the dates with records or roll-up rows is
     * marked and computed again from the records. For a roll-up that went wrong (records written
     * around the application, a bug since fixed); reads are right meanwhile, as they compute marked
     * days themselves.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public RebuildResult rebuild(LocalDate from, LocalDate to) {
        if (CurrentUser.get().regionId() != null) {
            // it computes every site's days, not only the region's
            throw new AccessDeniedException("roll-ups are rebuilt by the national administrator");
        }
        List<UserError> problems = new ArrayList<>();
        if (to.isBefore(from)) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "to is before from", "input", "to"));
        } else if (ChronoUnit.DAYS.between(from, to) >= MAX_REBUILD_DAYS) {
            problems.add(UserError.of(UserErrorCode.INVALID_DATE_RANGE, "At most " + MAX_REBUILD_DAYS + " days at once", "input", "to"));
        }
        if (!problems.isEmpty()) {
            return new RebuildResult(null, List.copyOf(problems));
        }
        Rebuilt rebuilt = rebuildBetween(from, to);
        audit.record("MEAL_ROLLUPS_REBUILT", "MealRollup", from + ".." + to, null,
                Map.of("siteDays", rebuilt.siteDays(), "computed", rebuilt.computed(), "stillMarked", rebuilt.stillMarked()));
        return new RebuildResult(rebuilt, List.of());
    }

    /** {@link #rebuild} without the caller's checks: for the benchmark's seeded records and for tests. */
    Rebuilt rebuildBetween(LocalDate from, LocalDate to) {
        List<SiteDay> days = mapper.siteDaysBetween(from, to);
        for (int start = 0; start < days.size(); start += 1000) {
            List<SiteDay> chunk = days.subList(start, Math.min(start + 1000, days.size()));
            TransientFailures.retry(() -> readCommitted.execute(status -> {
                mapper.mark(chunk, noTimeStamp());
                return null;
            }));
        }
        int computed = 0;
        // each mark once: a day that keeps changing (a site serving now) is left to the job
        for (int rounds = days.size() / BATCH + 2; rounds > 0; rounds--) {
            List<MealRollupMapper.Dirty> batch = mapper.dirtyBatch(from, to, taken(), BATCH);
            if (batch.isEmpty()) {
                break;
            }
            int done = compute(batch);
            computed += done;
            if (done == 0) {
                break;
            }
        }
        int stillMarked = (int) mapper.dirtyBatch(from, to, null, Integer.MAX_VALUE).stream().map(MealRollups::siteDay).distinct().count();
        events.publishEvent(new MealRollupsRebuilt(from, to));
        return new Rebuilt(from, to, days.size(), computed, stillMarked, clock.instant());
    }

    /**
     * The rows of these marked days computed from the records and written in place of theirs, and
     * the marks read removed (a mark written meanwhile stays): in one transaction, retried when it
     * loses a deadlock to another instance's job. Returns the site days computed. Only a job removes
     * marks, and it removes those it computed, so a mark read and then gone was computed by another.
     */
    private int compute(List<MealRollupMapper.Dirty> marked) {
        List<SiteDay> days = marked.stream().map(MealRollups::siteDay).distinct().toList();
        int computed = TransientFailures.retry(() -> readCommitted.execute(status -> {
            List<MealRollupMapper.SlotRow> slots = mapper.computeSlots(days);
            List<MealRollupMapper.DayRow> dayRows = mapper.computeDays(days);
            mapper.deleteSlots(days);
            mapper.deleteDays(days);
            if (!slots.isEmpty()) {
                mapper.insertSlots(slots);
            }
            if (!dayRows.isEmpty()) {
                mapper.insertDays(dayRows);
            }
            mapper.unmark(marked);
            return days.size();
        }));
        // a mark this instance still trusted was taken (only where a clock jumped, or the settings were changed): trust it no more
        days.forEach(trusted::remove);
        return computed;
    }

    private static SiteDay siteDay(MealRollupMapper.Dirty mark) {
        return new SiteDay(mark.siteId(), mark.date());
    }

    /**
     * @param siteDays site days between the dates with records or roll-up rows
     * @param computed of them, those computed again and unmarked
     * @param stillMarked site days left marked between the dates (changed while computed, or marked by a writer in the last
     *                    minutes): the job takes them
     */
    public record Rebuilt(LocalDate from, LocalDate to, int siteDays, int computed, int stillMarked, java.time.Instant at) {
    }

    public record RebuildResult(Rebuilt rebuilt, List<UserError> userErrors) {
    }
}
