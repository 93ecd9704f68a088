package org.zhucan.serving;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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
import org.zhucan.common.time.BusinessTime;
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
 * <p>The last days keep their marks ({@link #KEPT_DAYS}): the job leaves them, and readers compute
 * those days from their records, as they do any marked day. So a writer that has seen a mark of its
 * own of a recent site day committed writes no other for that day (issue 20: the counter's logMeal
 * sends one statement less); the job takes the day once it is older. This leans on the instances'
 * clocks agreeing within a day, as every "today" of the application does.
 */
@Service
public class MealRollups {

    /** Site days computed in one transaction. */
    static final int BATCH = 200;
    /** Days one rebuild covers at most. */
    static final int MAX_REBUILD_DAYS = 366;
    /**
     * The days whose marks the job keeps, today's and yesterday's: one day more than the writers trust a mark they saw
     * ({@link #WRITERS_TRUST_DAYS}), so that a job whose clock is up to a day ahead of a writer's never takes a mark the
     * writer still trusts. Kept short, as reads compute these days from their records (a busy site's today was marked
     * nearly all the time anyway, re-marked by every meal between the job's runs).
     */
    static final int KEPT_DAYS = 2;
    /** Days before today a writer trusts a mark of its own it saw committed, and writes none again: none, today only. */
    static final int WRITERS_TRUST_DAYS = 0;

    private final MealRollupMapper mapper;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate readCommitted;
    private final ApplicationEventPublisher events;
    /** Recent site days whose mark this instance saw committed: marks the job keeps while they are recent. */
    private final Set<SiteDay> markedRecently = ConcurrentHashMap.newKeySet();

    MealRollups(MealRollupMapper mapper, AuditService audit, Clock clock, PlatformTransactionManager transactions,
                ApplicationEventPublisher events) {
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
        LocalDate recentFrom = BusinessTime.dateOf(clock.instant()).minusDays(WRITERS_TRUST_DAYS);
        // a recent day whose mark is known committed stays marked until it is old: nothing to write
        List<SiteDay> sorted = days.stream().distinct().filter(day -> day.date().isBefore(recentFrom) || !markedRecently.contains(day))
                .sorted(Comparator.comparing(SiteDay::date).thenComparingLong(SiteDay::siteId)).toList();
        if (sorted.isEmpty()) {
            return;
        }
        // a mark of this writer's own (V41): writers never wait on one another's marks, nor conflict on a Galera cluster
        mapper.mark(sorted, ThreadLocalRandom.current().nextLong(1, 1L << 62));
        List<SiteDay> recent = sorted.stream().filter(day -> !day.date().isBefore(recentFrom)).toList();
        if (!recent.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    markedRecently.removeIf(day -> day.date().isBefore(recentFrom));
                    markedRecently.addAll(recent);
                }
            });
        }
    }

    /** The first date whose marks the job keeps: the days from it on are left to the readers (see the class). */
    private LocalDate keptFrom() {
        return BusinessTime.dateOf(clock.instant()).minusDays(KEPT_DAYS - 1);
    }

    /**
     * Computes marked site days again, the oldest first, up to {@code limit} of them: what the job
     * runs. Returns how many site days it computed (a day changed while it was computed keeps the newer mark).
     */
    public int computeMarked(int limit) {
        List<MealRollupMapper.Dirty> marked = mapper.dirtyBatch(null, null, keptFrom(), limit);
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
                changed(chunk);
                return null;
            }));
        }
        int computed = 0;
        // each mark once: a day that keeps changing (a site serving now) is left to the job
        for (int rounds = days.size() / BATCH + 2; rounds > 0; rounds--) {
            List<MealRollupMapper.Dirty> batch = mapper.dirtyBatch(from, to, keptFrom(), BATCH);
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
        // only a test's clock goes back: a day the job took is no longer marked for this instance's writers
        days.forEach(markedRecently::remove);
        return computed;
    }

    private static SiteDay siteDay(MealRollupMapper.Dirty mark) {
        return new SiteDay(mark.siteId(), mark.date());
    }

    /**
     * @param siteDays site days between the dates with records or roll-up rows
     * @param computed of them, those computed again and unmarked
     * @param stillMarked site days left marked between the dates (changed while computed, or of the last {@link #KEPT_DAYS} days):
     *                    the job takes them
     */
    public record Rebuilt(LocalDate from, LocalDate to, int siteDays, int computed, int stillMarked, java.time.Instant at) {
    }

    public record RebuildResult(Rebuilt rebuilt, List<UserError> userErrors) {
    }
}
